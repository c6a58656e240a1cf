-- Hugging Face fields kept from api/daily_papers: the GitHub repository's stars and the
-- organisation a paper is listed under (name, display name, avatar URL).
ALTER TABLE papers ADD COLUMN github_stars INTEGER;
ALTER TABLE papers ADD COLUMN org_name TEXT;
ALTER TABLE papers ADD COLUMN org_fullname TEXT;
ALTER TABLE papers ADD COLUMN org_avatar TEXT;
