package dev.accolade.floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** The floor's one entity. */
@Entity
@Table(name = "greeting")
public class Greeting extends PanacheEntity {

    public String text;
}
