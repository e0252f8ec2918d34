// The full sweep over clinical sentences: stdlib methods imported from a YAML catalogue (the way
// the seed projects keep them), a GPU masked-language-model command, retries that double the
// memory after an out-of-memory kill, and Slurm and AWS Batch targets from an included fragment.
// Plan it: node bin/augc.js plan examples/redsm5-sweep.aug --target slurm
include "conf/targets.aug"
import "conf/augment_methods.yaml"

pipeline "redsm5-sweep" {
  seed = 42
  input "data/clinical-sentences.csv" {
    format = csv
    id = "sentence_id"
    text = ["sentence_text"]
    label = "status"
    keep = ["DSM5_symptom"]
    protect_keywords = ["not", "never"]
  }

  // syn, typo and spell come from conf/augment_methods.yaml. mlm runs your own script (not
  // shipped here) on a GPU, in a container on cloud targets.
  method mlm = command("python tools/mlm_sub.py --model roberta-base") {
    image = "ghcr.io/lab/aug-gpu:1.4"
    env {
      HF_HOME = "/models"
    }
    pass_env = ["HF_TOKEN"]
    resources {
      gpus = 1
      gpu_type = "a100"
      cpus = 4
      memory = 16GiB
      walltime = 2h
    }
  }

  combos {
    up_to = 2
    exclude = [mlm + typo]
  }
  variants = 2
  quality {
    measure = chrf
    min = 0.55
    max = 0.95
  }
  chunk {
    rows = 20
  }
  resources {
    cpus = 1
    memory = 2GiB
    walltime = 30m
    account = "lab"
  }
  retry {
    attempts = 3
    backoff = exponential(10s, max = 5m)
    on = [preempted, timeout, oom, exit(137)]
    escalate {
      memory = 2x
    }
  }
  output "out/redsm5-sweep" {
    format = parquet
  }

  // --profile quick: one variant of each method alone.
  profile quick {
    variants = 1
    combos {
      up_to = 1
    }
  }
  // --profile cloud: write to S3 (for `--target aws-batch`).
  profile cloud {
    output "s3://my-bucket/redsm5-sweep" {
      format = parquet
    }
  }
}
