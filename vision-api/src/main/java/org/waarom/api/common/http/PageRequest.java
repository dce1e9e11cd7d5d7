package org.waarom.api.common.http;

import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/** A requested page of a list: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Parses the query parameters; bad values answer 400 naming the parameter (not JAX-RS's 404). */
    public static PageRequest parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = parse("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
        int pageSize = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Invalid paging parameters", errors);
        }
        return new PageRequest(pageNumber, pageSize);
    }

    public int offset() {
        return page * size;
    }

    private static int parse(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        Integer number = QueryParams.wholeNumber(value, fallback, min, max);
        if (number == null) {
            errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return number;
    }
}
