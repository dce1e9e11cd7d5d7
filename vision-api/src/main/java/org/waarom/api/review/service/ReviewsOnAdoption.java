package org.waarom.api.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.waarom.api.element.service.VersionAdopted;

/** Adopting a version answers the element's open reviews: they are completed as REVISED, in the adoption's transaction. */
@ApplicationScoped
class ReviewsOnAdoption {

    private final ReviewTaskService reviews;

    ReviewsOnAdoption(ReviewTaskService reviews) {
        this.reviews = reviews;
    }

    void completeOpenReviews(@Observes VersionAdopted adopted) {
        reviews.completeByAdoption(adopted.organization(), adopted.type(), adopted.number());
    }
}
