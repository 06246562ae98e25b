package dev.accolade.nativecheck;

import org.graalvm.nativeimage.hosted.Feature;

/** Makes DefectHolder's static field reachable, as application code reading it would. */
public final class DefectFeature implements Feature {
    @Override
    public void beforeAnalysis(BeforeAnalysisAccess access) {
        try {
            access.registerAsAccessed(DefectHolder.class.getDeclaredField("RANDOM"));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
