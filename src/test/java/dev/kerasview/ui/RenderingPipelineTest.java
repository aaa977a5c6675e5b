package dev.kerasview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingPipelineTest {

    private static final String LINUX = "Linux";

    @TempDir
    Path dev;

    @Test
    void linuxWithoutAnyGpuDeviceGetsTheSoftwareRenderer() {
        assertEquals(Optional.of("sw"), new RenderingPipeline(dev).order(new Properties(), LINUX));
    }

    @Test
    void aDrmDeviceLeavesTheChoiceToJavaFx() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        assertEquals(Optional.empty(), new RenderingPipeline(dev).order(new Properties(), LINUX));
    }

    @Test
    void nvidiasDriverLeavesTheChoiceToJavaFx() throws IOException {
        Files.createFile(dev.resolve("nvidiactl"));
        assertEquals(Optional.empty(), new RenderingPipeline(dev).order(new Properties(), LINUX));
    }

    @Test
    void wslsGpuLeavesTheChoiceToJavaFx() throws IOException {
        Files.createFile(dev.resolve("dxg"));
        assertEquals(Optional.empty(), new RenderingPipeline(dev).order(new Properties(), LINUX));
    }

    @Test
    void anOrderTheUserGaveIsKept() {
        Properties system = new Properties();
        system.setProperty("prism.order", "es2,sw");
        new RenderingPipeline(dev).applyTo(system, LINUX);
        assertEquals("es2,sw", system.getProperty("prism.order"));
    }

    @Test
    void aForcedGpuIsKept() {
        Properties system = new Properties();
        system.setProperty("prism.forceGPU", "true");
        new RenderingPipeline(dev).applyTo(system, LINUX);
        assertEquals(null, system.getProperty("prism.order"));
    }

    @Test
    void otherSystemsChooseForThemselves() {
        assertEquals(Optional.empty(), new RenderingPipeline(dev).order(new Properties(), "Mac OS X"));
        assertEquals(Optional.empty(), new RenderingPipeline(dev).order(new Properties(), "Windows 11"));
    }

    @Test
    void applyingSetsTheOrder() {
        Properties system = new Properties();
        new RenderingPipeline(dev).applyTo(system, LINUX);
        assertEquals("sw", system.getProperty("prism.order"));
    }

    @Test
    void thePackagedLauncherLooksForTheSameDevices() throws IOException {
        String script = Files.readString(Path.of("scripts/write-launcher.sh"));
        String check = script.lines().filter(l -> l.contains("GDK_GL+set")).findFirst().orElseThrow();
        java.util.List<String> named = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("! -e /dev/([a-z]+)").matcher(check);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertEquals(RenderingPipeline.GPU_DEVICES, named, check);
    }
}
