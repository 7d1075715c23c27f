package dev.elec.trainer.text;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.elec.trainer.BadInputException;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any ONNX encoder or decoder (MiniLM by default): feeds the inputs the graph declares, takes the last hidden
 * state and mean-pools it over the attention mask.
 */
public final class OnnxTextEncoder implements TextEncoder {
    private static final int BATCH = 32;

    private final ModelFiles files;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final Set<String> inputs;
    private final String output;
    private final int dimension;

    public OnnxTextEncoder(ModelFiles files) {
        this.files = files;
        // DJL's OnnxRuntime engine must create the JVM's single ORT environment before we touch ORT.
        Engine.getEngine("OnnxRuntime");
        try {
            this.tokenizer = TokenBatch.tokenizer(files.tokenizer());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read tokenizer " + files.tokenizer() + ": " + e.getMessage(), e);
        }
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            // spinning threads starve everything else when the cores are shared
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = env.createSession(files.weights().toString(), options);
            this.inputs = session.getInputNames();
            if (!inputs.contains("input_ids")) {
                throw new BadInputException("ONNX model " + files.weights() + " has no input_ids input (inputs: " + inputs + ")");
            }
            this.output = session.getOutputNames().contains("last_hidden_state")
                    ? "last_hidden_state" : session.getOutputNames().iterator().next();
            NodeInfo info = session.getOutputInfo().get(output);
            long[] shape = ((TensorInfo) info.getInfo()).getShape();
            if (shape.length != 3) {
                throw new BadInputException("ONNX model " + files.weights() + ": output " + output
                        + " is not a [batch, tokens, hidden] state");
            }
            this.dimension = shape[2] > 0 ? (int) shape[2] : probeDimension();
        } catch (OrtException e) {
            throw new BadInputException("cannot load ONNX model " + files.weights() + ": " + e.getMessage(), e);
        }
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

    private int probeDimension() {
        return encodeBatch(List.of("probe"))[0].length;
    }

    private float[][] encodeBatch(List<String> texts) {
        TokenBatch tokens = TokenBatch.of(tokenizer, texts);
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, tokens.inputIds()));
            if (inputs.contains("attention_mask")) {
                feed.put("attention_mask", OnnxTensor.createTensor(env, tokens.attentionMask()));
            }
            if (inputs.contains("token_type_ids")) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, tokens.typeIds()));
            }
            if (inputs.contains("position_ids")) {
                feed.put("position_ids", OnnxTensor.createTensor(env, positions(texts.size(), tokens.seqLen())));
            }
            try (OrtSession.Result result = session.run(feed, Set.of(output))) {
                OnnxValue value = result.get(output).orElseThrow();
                OnnxTensor tensor = (OnnxTensor) value;
                long[] shape = tensor.getInfo().getShape();
                FloatBuffer buffer = tensor.getFloatBuffer();
                float[] hidden = new float[buffer.remaining()];
                buffer.get(hidden);
                return MeanPooling.pool(hidden, tokens.attentionMask(), (int) shape[1], (int) shape[2]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX model " + files.weights() + " failed on a batch of "
                    + texts.size() + " texts: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private static long[][] positions(int rows, int seqLen) {
        long[][] positions = new long[rows][seqLen];
        for (long[] row : positions) {
            for (int t = 0; t < seqLen; t++) {
                row[t] = t;
            }
        }
        return positions;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close ONNX session: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
        }
    }
}
