package org.waarom.api.page.rest;

/** A page that says why a link or form was refused, naming nothing that exists. */
public record RefusalPageModel(PageFrame frame, String text) {
}
