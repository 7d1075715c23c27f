package dev.elec.trainer.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Texts tokenized one by one and right-padded to the longest in the batch, with the mask marking the padding. */
record TokenBatch(long[][] inputIds, long[][] attentionMask, long[][] typeIds, int seqLen) {

    static final int MAX_TOKENS = 128;

    static HuggingFaceTokenizer tokenizer(Path tokenizerJson) throws IOException {
        return HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(MAX_TOKENS)));
    }

    static TokenBatch of(HuggingFaceTokenizer tokenizer, List<String> texts) {
        Encoding[] encodings = new Encoding[texts.size()];
        int seqLen = 1;
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
            seqLen = Math.max(seqLen, encodings[i].getIds().length);
        }
        long[][] ids = new long[encodings.length][seqLen];
        long[][] mask = new long[encodings.length][seqLen];
        long[][] types = new long[encodings.length][seqLen];
        for (int i = 0; i < encodings.length; i++) {
            long[] tokenIds = encodings[i].getIds();
            long[] tokenMask = encodings[i].getAttentionMask();
            long[] tokenTypes = encodings[i].getTypeIds();
            System.arraycopy(tokenIds, 0, ids[i], 0, tokenIds.length);
            System.arraycopy(tokenMask, 0, mask[i], 0, tokenMask.length);
            System.arraycopy(tokenTypes, 0, types[i], 0, tokenTypes.length);
        }
        return new TokenBatch(ids, mask, types, seqLen);
    }
}
