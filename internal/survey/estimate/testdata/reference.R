# Reference values for package estimate from R's survey package.
#
# Run from this folder:  Rscript reference.R
# It writes synthetic data sets (seeded) in the R.csv and M.csv formats of
# `kexie survey estimate` to ref/, and R's estimates of the literacy rate
# (svydesign -> rake -> svymean / svyby, deff = "replace") to
# ref/reference.csv, with the R and survey versions in ref/versions.txt.
# The Go tests read these files; they never run R.
suppressMessages(library(survey))
options(survey.lonely.psu = "certainty")

regions <- c("东区", "西区", "南区", "北区", "新区")
genders <- c("男", "女")
ages <- c("18-29", "30-39", "40-49", "50-59", "60-69")
edus <- c("初中及以下", "高中", "大专", "本科及以上")

# population shares of the raking variables
pop <- list(
  age = setNames(c(0.22, 0.21, 0.20, 0.19, 0.18), ages),
  edu = setNames(c(0.40, 0.27, 0.15, 0.18), edus),
  gender = setNames(c(0.51, 0.49), genders),
  region = setNames(c(0.30, 0.25, 0.20, 0.15, 0.10), regions)
)

# answers: four questions of 25 points; q4 is multiple choice with the
# correct set {A, C}, written in either order. Literate: total >= 70,
# that is three questions right.
answers <- function(n, p) {
  right <- matrix(runif(n * 4) < p, ncol = 4)
  wrongs <- c("A", "C", "D")
  q <- data.frame(
    q1 = ifelse(right[, 1], "B", sample(wrongs, n, TRUE)),
    q2 = ifelse(right[, 2], "A", sample(c("B", "C", "D", ""), n, TRUE)),
    q3 = ifelse(right[, 3], "D", sample(c("A", "B", "C"), n, TRUE)),
    q4 = ifelse(right[, 4], sample(c("A|C", "C|A"), n, TRUE), sample(c("A", "C", "A|B|C", "B|D"), n, TRUE)),
    stringsAsFactors = FALSE
  )
  q$lit <- as.numeric(rowSums(right) >= 3)
  q
}

# make draws n respondents in nstrata strata of npsu units each; the
# chance of answering right depends on age, education and the unit (so
# the design effect is real), and the sample over-represents the young,
# the educated and 东区 (so raking matters).
make <- function(n, nstrata, npsu, weighted) {
  stratum <- sample(seq_len(nstrata), n, TRUE)
  psu <- sample(seq_len(npsu), n, TRUE)
  unit_effect <- rnorm(nstrata * npsu, 0, 0.08)
  d <- data.frame(
    id = sprintf("r%05d", seq_len(n)),
    stratum = paste0("S", stratum),
    psu = paste0("P", psu),
    region = sample(regions, n, TRUE, prob = c(0.40, 0.2, 0.2, 0.1, 0.1)),
    gender = sample(genders, n, TRUE, prob = c(0.6, 0.4)),
    age = sample(ages, n, TRUE, prob = c(0.35, 0.25, 0.2, 0.12, 0.08)),
    edu = sample(edus, n, TRUE, prob = c(0.15, 0.2, 0.25, 0.4)),
    stringsAsFactors = FALSE
  )
  p <- 0.35 + 0.08 * match(d$edu, edus) - 0.04 * match(d$age, ages) +
    unit_effect[(stratum - 1) * npsu + psu] + ifelse(d$region == "东区", 0.05, 0)
  d <- cbind(d, answers(n, pmin(pmax(p, 0.02), 0.98)))
  if (weighted) d$weight <- round(runif(n, 0.5, 3) * ifelse(d$stratum == "S1", 2, 1), 4)
  d
}

out <- data.frame()
record <- function(name, des, by) {
  m <- svymean(~lit, des, deff = "replace")
  out <<- rbind(out, data.frame(dataset = name, variable = "", category = "",
    n = nrow(des$variables), point = coef(m)[[1]], se = SE(m)[[1]], deff = deff(m)[[1]]))
  for (v in by) {
    b <- svyby(~lit, as.formula(paste0("~", v)), des, svymean, deff = "replace")
    cats <- as.character(b[[v]])
    out <<- rbind(out, data.frame(dataset = name, variable = v, category = cats,
      n = as.vector(table(des$variables[[v]])[cats]),
      point = coef(b), se = SE(b), deff = b[["DEff.lit"]]))
  }
}

write_data <- function(name, d, cols) {
  write.csv(d[, c(cols, "region", "gender", "age", "edu", "q1", "q2", "q3", "q4")],
    file.path("ref", paste0(name, ".csv")), row.names = FALSE, fileEncoding = "UTF-8")
}

write_margins <- function(name, vars) {
  rows <- do.call(rbind, lapply(vars, function(v)
    data.frame(variable = v, category = names(pop[[v]]), share = pop[[v]])))
  write.csv(rows, file.path("ref", paste0(name, "_margins.csv")), row.names = FALSE,
    quote = FALSE, fileEncoding = "UTF-8")
}

rake_to <- function(des, vars) {
  total <- sum(weights(des))
  rake(des, lapply(vars, function(v) as.formula(paste0("~", v))),
    lapply(vars, function(v) {
      f <- data.frame(names(pop[[v]]), pop[[v]] * total)
      names(f) <- c(v, "Freq")
      f
    }), control = list(maxit = 200, epsilon = 1e-12))
}

set.seed(20261205)

# 1. a simple random sample: no weights, strata or units
d <- make(600, 1, 1, FALSE)
write_data("plain", d, "id")
record("plain", svydesign(ids = ~1, weights = ~rep(1, nrow(d)), data = d), c("region", "gender"))

# 2. unequal weights only
d <- make(800, 1, 1, TRUE)
write_data("weighted", d, c("id", "weight"))
record("weighted", svydesign(ids = ~1, weights = ~weight, data = d), c("region", "age"))

# 3. strata and primary sampling units (unit names repeat across strata)
d <- make(1200, 4, 6, TRUE)
write_data("clustered", d, c("id", "weight", "stratum", "psu"))
record("clustered", svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d),
  c("region", "gender", "edu"))

# 4. raking a sample without design weights to three margins
d <- make(1000, 1, 1, FALSE)
write_data("raked", d, "id")
write_margins("raked", c("age", "gender", "region"))
des <- rake_to(svydesign(ids = ~1, weights = ~rep(1, nrow(d)), data = d), c("age", "gender", "region"))
record("raked", des, c("region", "gender", "age"))

# 5. raking a stratified cluster sample with design weights to four margins
d <- make(1500, 3, 8, TRUE)
write_data("raked_design", d, c("id", "weight", "stratum", "psu"))
write_margins("raked_design", c("age", "edu", "gender", "region"))
des <- rake_to(svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d),
  c("age", "edu", "gender", "region"))
record("raked_design", des, c("region", "gender", "age", "edu"))

# 6. a stratum with a single unit (it adds nothing: lonely.psu = "certainty")
d <- make(700, 3, 5, TRUE)
d$psu[d$stratum == "S3"] <- "P1"
write_data("lonely", d, c("id", "weight", "stratum", "psu"))
record("lonely", svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d),
  c("gender"))

write.csv(out, file.path("ref", "reference.csv"), row.names = FALSE, fileEncoding = "UTF-8")
writeLines(c(R.version.string, paste("survey", as.character(packageVersion("survey")))),
  file.path("ref", "versions.txt"))
