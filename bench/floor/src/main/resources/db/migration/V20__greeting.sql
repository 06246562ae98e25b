create table greeting (
    id bigint primary key,
    text varchar(100) not null
);
create sequence greeting_seq increment by 50;
insert into greeting (id, text) values (1, 'Welcome');
