package dev.elec.trainer.text;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.elec.trainer.BadInputException;

import java.io.IOException;
import java.util.List;

/**
 * A language model exported with {@code torch.jit.trace(model, (input_ids, attention_mask))} as {@code model.pt},
 * run by DJL's PyTorch engine; its first output is taken as the last hidden state.
 */
public final class TorchScriptTextEncoder implements TextEncoder {
    private static final int BATCH = 32;

    private final ModelFiles files;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final int dimension;

    public TorchScriptTextEncoder(ModelFiles files, Device device) {
        this.files = files;
        try {
            this.tokenizer = TokenBatch.tokenizer(files.tokenizer());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read tokenizer " + files.tokenizer() + ": " + e.getMessage(), e);
        }
        this.model = Model.newInstance(files.modelId(), device, "PyTorch");
        try {
            String name = files.weights().getFileName().toString().replaceFirst("\\.pt$", "");
            model.load(files.weights().getParent(), name);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new BadInputException("cannot load TorchScript model " + files.weights() + ": " + e.getMessage(), e);
        }
        this.predictor = model.newPredictor(new NoopTranslator());
        this.dimension = encodeBatch(List.of("probe"))[0].length;
    }

    @Override
    public String modelId() {
        return files.modelId();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] encode(List<String> texts) {
        return LengthBatches.encode(texts, BATCH, this::encodeBatch);
    }

    private float[][] encodeBatch(List<String> texts) {
        TokenBatch tokens = TokenBatch.of(tokenizer, texts);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray ids = manager.create(tokens.inputIds());
            NDArray mask = manager.create(tokens.attentionMask());
            NDList out = predictor.predict(new NDList(ids, mask));
            NDArray hidden = out.get(0);
            long[] shape = hidden.getShape().getShape();
            if (shape.length != 3) {
                throw new BadInputException("TorchScript model " + files.weights() + ": first output has shape "
                        + hidden.getShape() + ", expected [batch, tokens, hidden]");
            }
            return MeanPooling.pool(hidden.toFloatArray(), tokens.attentionMask(), (int) shape[1], (int) shape[2]);
        } catch (TranslateException e) {
            throw new IllegalStateException("TorchScript model " + files.weights() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
