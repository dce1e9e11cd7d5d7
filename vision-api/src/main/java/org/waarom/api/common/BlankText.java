package org.waarom.api.common;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * What counts as blank text, once for the API and its document: a text of whitespace only, whitespace as JSON Schema
 * (ECMA-262 {@code \s}) has it. The document says a {@code @NotBlank} field has the pattern {@code \S}, which every
 * client-side validator reads with ECMA-262's whitespace: besides space, tab and line breaks also the no-break space, the
 * byte-order mark (U+FEFF), every other Unicode space and the line and paragraph separators. Hibernate Validator's own
 * {@code @NotBlank} only trims what is at most U+0020, so {@code "\uFEFF"} passed the API where the document refuses it.
 * Here {@code @NotBlank} is validated by {@link Validator} instead.
 */
@ApplicationScoped
public class BlankText implements ValidatorFactoryCustomizer {

    /**
     * "Not blank" as a {@code @Pattern}, for a field that may be absent (a merge patch): a character that is not
     * whitespace, spelled out so that Java (whose {@code \s} is ASCII only) and ECMA-262 read the same set.
     */
    public static final String NOT_BLANK = "^[\\s\\S]*[^\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF][\\s\\S]*$";

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(Validator.class);
        configuration.addMapping(mapping);
    }

    /** Whether {@code text} is empty or ECMA-262 whitespace only. */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ECMA-262's WhiteSpace and LineTerminator: what {@code \s} matches in a JSON Schema pattern. */
    static boolean isWhitespace(char c) {
        return c == '\t' || c == '\u000B' || c == '\f' || c == '\n' || c == '\r' || c == '\uFEFF' || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** {@code @NotBlank} as the document has it: null or {@link #isBlank blank} is invalid. */
    public static class Validator implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !isBlank(value);
        }
    }
}
