# One nlpaug augmenter alone, in a fresh process: `python3 nlpaug-kernel.py MODULE CLASS
# KWARGS_JSON SENTENCES_FILE MIN_S` (MODULE: char or word). nlpaug is taken from PYTHONPATH (the
# bench points it at ../shared/peers/nlpaug). Prints {"msPerCall": ...}: CPU time of this process
# per augment() call (one variant of one sentence) after a warm-up, over at least MIN_S of CPU.
import json
import sys
import time

module, cls, kwargs, path, min_s = sys.argv[1:6]
if module == "char":
    import nlpaug.augmenter.char as aug_module
else:
    import nlpaug.augmenter.word as aug_module
augmenter = getattr(aug_module, cls)(**json.loads(kwargs))
with open(path, encoding="utf-8") as f:
    texts = [line for line in f.read().split("\n") if line]
for i in range(300):
    augmenter.augment(texts[i % len(texts)])
start = time.process_time()
calls = 0
while time.process_time() - start < float(min_s):
    for _ in range(50):
        augmenter.augment(texts[calls % len(texts)])
        calls += 1
elapsed = time.process_time() - start
print(json.dumps({"msPerCall": elapsed * 1000 / calls, "calls": calls}))
