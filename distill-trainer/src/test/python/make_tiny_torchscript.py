"""Writes src/test/resources/torchscript-tiny/model.pt: a TorchScript "language model" small enough to commit,
traced as a real export is (torch.jit.trace over (input_ids, attention_mask)), for TorchScriptTextEncoderTest.

Its last hidden state for token id t at position p is [t % 101 + d / 10 for d in 0..7] (the same at every
position), so the test can compute the mean-pooled vector a text must get. Run: python3 make_tiny_torchscript.py
"""
import pathlib

import torch

BUCKETS = 101
DIM = 8


class TinyEncoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(BUCKETS, DIM)
        with torch.no_grad():
            rows = torch.arange(BUCKETS, dtype=torch.float32).unsqueeze(1)
            columns = torch.arange(DIM, dtype=torch.float32).unsqueeze(0) / 10
            self.embedding.weight.copy_(rows + columns)

    def forward(self, input_ids, attention_mask):
        return (self.embedding(input_ids % BUCKETS),)


if __name__ == "__main__":
    example = (torch.tensor([[101, 7592, 102]]), torch.tensor([[1, 1, 1]]))
    traced = torch.jit.trace(TinyEncoder().eval(), example)
    out = pathlib.Path(__file__).resolve().parents[1] / "resources" / "torchscript-tiny" / "model.pt"
    traced.save(str(out))
    print(out, out.stat().st_size, "bytes")
