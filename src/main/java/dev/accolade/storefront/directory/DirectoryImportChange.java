package dev.accolade.storefront.directory;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One change an applied import made (or a warning its dry run showed), kept as it was when applied:
 * the import's page shows these, not a new comparison with a directory that has moved on since.
 */
@Entity
public class DirectoryImportChange extends PanacheEntityBase {

    static final String WARNING = "warning";

    @Id
    @SequenceGenerator(name = "directory_import_change_seq", sequenceName = "directory_import_change_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_import_change_seq")
    public Long id;
    public long importId;
    public int lineNo;
    public long rowNo;
    public String kind;
    public String name;
    public String email;
    public String description;

    static List<DirectoryImportChange> of(long importId) {
        return list("importId = ?1 order by lineNo", importId);
    }
}
