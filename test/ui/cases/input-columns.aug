// Columns checked against the header of data.csv (id, text, label).
pipeline "columns" {
  input "data.csv" { id = "row_id"  text = ["txt"]  label = "label" }
  method syn = wordnet_synonym(aug_p = 0.1)
  output "out" { format = jsonl }
}
