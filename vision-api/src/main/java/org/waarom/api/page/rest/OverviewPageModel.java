package org.waarom.api.page.rest;

import java.util.List;

/** The quality manager's overview: the organisation's open reviews by due date. Built by {@link ReviewPageRenderer}. */
public record OverviewPageModel(PageFrame frame, ReviewPageMessages words, String intro, List<ReviewPageModel.Row> rows) {
}
