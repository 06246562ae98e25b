-- A one-time link is either an invitation (the person has not chosen a password yet) or a
-- password reset (their current password works until the link is used). Links made before this
-- column are taken as invitations, as the users page has shown them.
alter table user_invitation add column password_reset boolean default false not null;
