-- one database per service, named after the service
create database "price-service";
create database "profile-service";
create database "fundamentals-service";
create database "factor-service";
create database "portfolio-service";
