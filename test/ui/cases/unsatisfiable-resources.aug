// A GPU method that neither declared target can run.
pipeline "unsatisfiable" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  method mlm = command("python tools/mlm_sub.py") {
    resources { gpus = 2  memory = 64GiB }
  }
  output "out" { format = jsonl }
  target local { gpus = 1 }
  target slurm { max_gpus = 1  max_memory = 32GiB }
}
