-- Sessions started through the company's identity provider: signing out of them also signs out there.
alter table user_session add column via_sso boolean default false not null;
