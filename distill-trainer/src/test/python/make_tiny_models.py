"""Writes the tiny language models the text-encoder tests run, small enough to commit (a few KB each):

- resources/torchscript-tiny/model.pt: traced as a real export is, torch.jit.trace over (input_ids, attention_mask);
  its hidden state for token id t is [t % 101 + d / 10 for d in 0..7], at every position.
- resources/onnx-decoder-tiny/model.onnx: shaped like a decoder export (inputs input_ids, attention_mask,
  position_ids; one output, not named last_hidden_state); its hidden state is the same plus 1000 * position.

So a test can compute the mean-pooled vector a text must get. Run with python3 and torch (Debian: python3-torch).
"""
import pathlib

import torch

BUCKETS = 101
DIM = 8
MAX_POSITIONS = 512
RESOURCES = pathlib.Path(__file__).resolve().parents[1] / "resources"


def token_table():
    rows = torch.arange(BUCKETS, dtype=torch.float32).unsqueeze(1)
    columns = torch.arange(DIM, dtype=torch.float32).unsqueeze(0) / 10
    return rows + columns


class TinyEncoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = torch.nn.Embedding.from_pretrained(token_table())

    def forward(self, input_ids, attention_mask):
        return (self.tokens(input_ids % BUCKETS),)


class TinyDecoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = torch.nn.Embedding.from_pretrained(token_table())
        self.positions = torch.nn.Embedding.from_pretrained(
            torch.arange(MAX_POSITIONS, dtype=torch.float32).unsqueeze(1).repeat(1, DIM) * 1000)

    def forward(self, input_ids, attention_mask, position_ids):
        hidden = self.tokens(input_ids % BUCKETS) + self.positions(position_ids)
        return hidden * attention_mask.unsqueeze(-1).to(hidden.dtype)


def save(path, write):
    path.parent.mkdir(parents=True, exist_ok=True)
    write(str(path))
    print(path, path.stat().st_size, "bytes")


if __name__ == "__main__":
    ids, mask, positions = torch.tensor([[101, 7592, 102]]), torch.tensor([[1, 1, 1]]), torch.tensor([[0, 1, 2]])
    save(RESOURCES / "torchscript-tiny" / "model.pt",
         lambda f: torch.jit.trace(TinyEncoder().eval(), (ids, mask)).save(f))
    axes = {0: "batch", 1: "tokens"}
    save(RESOURCES / "onnx-decoder-tiny" / "model.onnx",
         lambda f: torch.onnx.export(TinyDecoder().eval(), (ids, mask, positions), f,
                                     input_names=["input_ids", "attention_mask", "position_ids"],
                                     output_names=["hidden"], opset_version=13,
                                     dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                                   "position_ids": axes, "hidden": axes}))
