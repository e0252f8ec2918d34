// Tabular augmentation of a small expression table: noise, SMOTE and feature masking.
pipeline "cell-lines" {
  seed = 7

  input "data/cell-lines.csv" {
    id = "sample_id"
    features = ["BRCA1", "TP53", "EGFR", "MYC"]
    label = "response"
    keep = ["batch"]
  }

  method noise = gaussian_noise(sigma = 0.05)
  method smote = smote(k_neighbors = 3)
  method mask = feature_mask(p_m = 0.2, fill = marginal)

  combos {
    list = [noise, smote, mask, smote + noise]
  }
  variants = 1
  chunk {
    count = 1
  }
  output "out/cell-lines" {
    format = parquet
  }
}
