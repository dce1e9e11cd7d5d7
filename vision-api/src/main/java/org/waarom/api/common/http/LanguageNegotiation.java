package org.waarom.api.common.http;

import org.waarom.api.common.problem.InvalidRequestException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which language a read serves (docs/api-guide.md#translations-and-languages). Pure: built from what the request asked for,
 * then asked to choose among the languages that can be served.
 *
 * <ul>
 *   <li>{@code ?lang=} wins: it must be a language tag ({@code fr}, {@code fr-BE}; else 400). When that
 *       language cannot be served the read falls back to the default language, not to
 *       {@code Accept-Language}: an explicit choice is not second-guessed by the browser's.</li>
 *   <li>Otherwise {@code Accept-Language} (RFC 9110 section 12.5.4) with quality values: a language's
 *       quality is the highest of the ranges with its primary subtag ({@code fr-BE} counts for {@code fr},
 *       since languages are kept per primary subtag), else that of {@code *}; quality 0 means "not this
 *       one". Ties go to the range named first; {@code *} prefers the default language. Malformed
 *       entries are skipped: a header is a preference, never a reason to fail.</li>
 *   <li>When nothing acceptable can be served, the default language is: reads always answer, and say in
 *       {@code Content-Language} what they served.</li>
 * </ul>
 */
public final class LanguageNegotiation {

    /** RFC 9110 {@code language-range} (without {@code *}): 1–8 letters, then subtags of 1–8 letters or digits. */
    private static final Pattern TAG = Pattern.compile("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$");
    private static final Pattern QUALITY = Pattern.compile("^(0(\\.\\d{0,3})?|1(\\.0{0,3})?)$");
    /** Browsers send a handful; more is not a preference but noise (or an attempt to make us work). */
    private static final int MAX_RANGES = 32;
    private static final LanguageNegotiation NONE = new LanguageNegotiation(null, Map.of(), null);

    private final String requested;
    private final Map<String, Preference> byLanguage;
    private final Preference wildcard;

    private LanguageNegotiation(String requested, Map<String, Preference> byLanguage, Preference wildcard) {
        this.requested = requested;
        this.byLanguage = byLanguage;
        this.wildcard = wildcard;
    }

    /**
     * What a request asks for: {@code lang} (the query parameter, may be null) and {@code acceptLanguage}
     * (the header, may be null).
     *
     * @throws InvalidRequestException when {@code lang} is present but not a language tag
     */
    public static LanguageNegotiation of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            String tag = lang.trim();
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidRequestException("lang", "must be a language tag such as fr or fr-BE");
            }
            return new LanguageNegotiation(primary(tag), Map.of(), null);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return NONE;
        }
        Map<String, Preference> byLanguage = new HashMap<>();
        Preference wildcard = null;
        String[] entries = acceptLanguage.split(",", MAX_RANGES + 1);
        for (int position = 0; position < Math.min(entries.length, MAX_RANGES); position++) {
            String[] parts = entries[position].split(";", -1);
            String range = parts[0].trim();
            Double quality = quality(parts);
            if (quality == null) {
                continue;
            }
            Preference preference = new Preference(quality, position);
            if (range.equals("*")) {
                wildcard = wildcard == null ? preference : wildcard.better(preference);
            } else if (TAG.matcher(range).matches()) {
                byLanguage.merge(primary(range), preference, Preference::better);
            }
        }
        return new LanguageNegotiation(null, Map.copyOf(byLanguage), wildcard);
    }

    /**
     * The language to serve among {@code available} (two-letter codes, in the organisation's order;
     * {@code defaultLanguage} among them), or {@code defaultLanguage} when none is acceptable.
     */
    public String select(List<String> available, String defaultLanguage) {
        if (requested != null) {
            return available.contains(requested) ? requested : defaultLanguage;
        }
        String best = defaultLanguage;
        Preference bestPreference = null;
        // The default language first, so that it wins ties (notably under "*").
        for (String language : defaultFirst(available, defaultLanguage)) {
            Preference preference = byLanguage.getOrDefault(language, wildcard);
            if (preference == null || preference.quality() <= 0) {
                continue;
            }
            if (bestPreference == null || preference.isBetterThan(bestPreference)) {
                best = language;
                bestPreference = preference;
            }
        }
        return best;
    }

    /** Whether the request named a language at all (by {@code ?lang=} or {@code Accept-Language}); without, the default is served. */
    public boolean expressed() {
        return requested != null || !byLanguage.isEmpty() || wildcard != null;
    }

    /**
     * The preference in a canonical form: equal for two requests exactly when they choose the same
     * language from any set of languages. Bounded in length (at most {@code MAX_RANGES} entries of
     * short subtags), so that it can key a cache of what reads serve.
     */
    public String key() {
        if (requested != null) {
            return "=" + requested;
        }
        StringBuilder key = new StringBuilder();
        byLanguage.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> key.append(entry.getKey()).append(':')
                .append(entry.getValue().quality()).append('@').append(entry.getValue().position()).append(','));
        if (wildcard != null) {
            key.append("*:").append(wildcard.quality()).append('@').append(wildcard.position());
        }
        return key.toString();
    }

    private static List<String> defaultFirst(List<String> available, String defaultLanguage) {
        if (!available.contains(defaultLanguage) || available.get(0).equals(defaultLanguage)) {
            return available;
        }
        List<String> ordered = new java.util.ArrayList<>(available.size());
        ordered.add(defaultLanguage);
        available.stream().filter(language -> !language.equals(defaultLanguage)).forEach(ordered::add);
        return ordered;
    }

    /** {@code fr-BE} → {@code fr}: the organisation keeps one text per primary language. */
    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** The {@code q} parameter of one entry (1 when absent); null when the entry is malformed. */
    private static Double quality(String[] parts) {
        double quality = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                return null;
            }
            if (parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
                String value = parameter.substring(equals + 1).trim();
                if (!QUALITY.matcher(value).matches()) {
                    return null;
                }
                quality = Double.parseDouble(value);
            }
        }
        return quality;
    }

    /** How much a language is wanted, and where the client first said so (earlier wins ties). */
    private record Preference(double quality, int position) {

        boolean isBetterThan(Preference other) {
            return quality > other.quality || (quality == other.quality && position < other.position);
        }

        Preference better(Preference other) {
            return other.isBetterThan(this) ? other : this;
        }
    }
}
