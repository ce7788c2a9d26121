-- Import jobs moved to the platform's job table (package jobs).
DROP TABLE people_import_jobs;
