package dev.elec.replay;

import java.util.List;

/** Word lists of the synthetic dataset: hidden topics, the neutral filler, and topic-free attributes. */
final class SyntheticVocabulary {

    /** Topic words; a topic shows only through these words in item titles. */
    static final List<List<String>> TOPIC_WORDS = List.of(
            List.of("football", "goalkeeper", "tournament", "stadium", "playoff", "quarterback", "marathon", "tennis",
                    "coach", "league", "championship", "referee", "basketball", "sprint", "medal", "athlete"),
            List.of("recipe", "baking", "pasta", "oven", "kitchen", "spices", "dessert", "sourdough",
                    "grill", "soup", "chef", "flavor", "noodles", "pastry", "roast", "garlic"),
            List.of("software", "laptop", "processor", "algorithm", "smartphone", "database", "robotics", "cloud",
                    "encryption", "startup", "coding", "gadget", "semiconductor", "browser", "server", "chip"),
            List.of("stocks", "investing", "mortgage", "dividend", "budget", "inflation", "banking", "savings",
                    "taxes", "portfolio", "bonds", "loan", "retirement", "crypto", "earnings", "market"),
            List.of("beach", "passport", "island", "hotel", "backpacking", "cruise", "airport", "mountains",
                    "itinerary", "resort", "sightseeing", "vacation", "hiking", "luggage", "tourist", "flight"),
            List.of("fitness", "nutrition", "vitamins", "sleep", "yoga", "cardio", "wellness", "doctor",
                    "therapy", "diet", "meditation", "immunity", "protein", "stretching", "clinic", "calories"),
            List.of("guitar", "concert", "album", "jazz", "melody", "drummer", "orchestra", "piano",
                    "songwriter", "vinyl", "chorus", "festival", "rapper", "symphony", "lyrics", "band"),
            List.of("tomatoes", "compost", "seedlings", "pruning", "orchard", "roses", "greenhouse", "soil",
                    "lawn", "tulips", "weeds", "shrubs", "harvest", "mulch", "herbs", "fertilizer"));

    static final List<String> NEUTRAL_WORDS = List.of(
            "new", "best", "simple", "complete", "weekly", "guide", "notes", "story", "update", "ideas", "tips",
            "review", "essential", "modern", "classic", "quick", "ultimate", "everyday", "secrets", "basics",
            "today", "inside", "first", "big", "little", "world", "life", "time", "people", "way", "year", "look");

    /** Occupation i prefers topic {@code i % topics}: the mapping is arbitrary on purpose. */
    static final List<String> OCCUPATIONS = List.of(
            "administrator", "artist", "educator", "engineer", "executive", "homemaker", "lawyer", "librarian",
            "marketing", "programmer", "retired", "salesman", "scientist", "student", "technician", "writer");

    /** Item categories and genres are drawn independently of the topic. */
    static final List<String> CATEGORIES = List.of("news", "feature", "review", "guide", "opinion", "interview");

    static final List<String> GENRES = List.of("short read", "long read", "video", "photo", "podcast", "interactive");

    static final List<String> GENDERS = List.of("M", "F");

    private SyntheticVocabulary() {
    }

    static int topicCount() {
        return TOPIC_WORDS.size();
    }

    static int topicOfOccupation(String occupation) {
        return OCCUPATIONS.indexOf(occupation) % topicCount();
    }
}
