package org.waarom.contract;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Installs {@link OpenApiContract} for every test of a module that has this jar on its test class path. */
public class ContractLauncherListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        OpenApiContract.install();
    }
}
