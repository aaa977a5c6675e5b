package dev.kerasview.convert;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.formats.ModelReader;
import java.nio.file.Path;

/**
 * Entry point of a child JVM that converts a model and prints its progress, so that a test can
 * kill it midway. Arguments: INPUT OUTPUT.
 */
public final class ConvertChildProcess {

    private ConvertChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        ConversionRequest request = new ConversionRequest(Path.of(args[0]), null, ConversionTarget.H5,
                WeightsFormat.LEGACY, Path.of(args[1]), false, false);
        new Converter(ModelReader::open, null, new LayerCatalog()).convert(request, (done, total, item) -> {
            if (done > 0) {
                System.out.println("progress " + done + " " + total);
                System.out.flush();
            }
        }, CancellationToken.NEVER);
        System.out.println("finished");
    }
}
