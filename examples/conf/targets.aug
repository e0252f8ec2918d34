// Targets shared by several pipelines, spliced into a pipeline with `include`.
target slurm {
  partition = "compute"
  account = "lab"
  array_limit = 50
  max_gpus = 4
}
target aws-batch {
  queue = "aug-gpu"
  region = "us-east-1"
}
