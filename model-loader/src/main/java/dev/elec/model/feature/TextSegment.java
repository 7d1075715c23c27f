package dev.elec.model.feature;

/** Part of a row's LLM text; segments can be encoded and cached separately. */
public enum TextSegment {
    USER,
    ITEM,
    CONTEXT
}
