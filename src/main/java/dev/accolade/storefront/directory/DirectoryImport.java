package dev.accolade.storefront.directory;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An uploaded employee file, kept between its dry run and its application. */
@Entity
public class DirectoryImport extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "directory_import_seq", sequenceName = "directory_import_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_import_seq")
    public Long id;
    public String fileName;
    public String content;
    public String sha256;
    public String uploadedBy;
    public OffsetDateTime uploadedAt;
    public String appliedBy;
    public OffsetDateTime appliedAt;
    public Integer appliedChanges;
    /** Whether the application also deactivated the active employees missing from the file. */
    public boolean deactivateMissing;
    public Integer appliedRows;
    public Integer appliedUnchanged;
}
