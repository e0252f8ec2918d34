pipeline "retry" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  retry {
    attempts = 3
    backoff = exponential(1m, max = 30s)
    on = [preemptd, exit(0), signal(SIGKILLL)]
    escalate { memory = 2x  disk = 2x }
  }
  output "out" { format = jsonl }
}
