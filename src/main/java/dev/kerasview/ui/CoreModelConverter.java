package dev.kerasview.ui;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionCancelledException;
import dev.kerasview.convert.ConversionException;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionResult;
import dev.kerasview.convert.Converter;
import dev.kerasview.convert.OutputDiagnosis;
import dev.kerasview.diagnose.Diagnoser;
import dev.kerasview.formats.ModelReader;
import java.util.concurrent.CancellationException;

/** Converts files through the core converter, checking each output with the diagnoser. */
final class CoreModelConverter implements ModelConverter {

    private static final String REFUSED = "refused: ";

    /**
     * The core counts every byte twice, once written and once read back to verify; a person
     * expects the model's size, so both figures are halved.
     */
    static ConversionProgress modelBytes(ConversionProgress progress) {
        return (done, total, item) -> progress.update(done / 2, total / 2, item);
    }

    @Override
    public ConversionOutcome convert(ConversionRequest request, ConversionProgress progress, CancellationToken cancel)
            throws Exception {
        OutputDiagnosis outputDiagnosis = written -> new Diagnoser().diagnose(written).firstErrorLine();
        try {
            ConversionResult r = new Converter(ModelReader::open, outputDiagnosis, new LayerCatalog())
                    .convert(request, modelBytes(progress), cancel);
            var v = r.verification();
            String verification = "Verified: " + v.tensors() + " tensors (" + DisplayFormat.bytes(v.bytes())
                    + ") read back identical; " + v.diagnosisLine() + ".";
            if (!r.plan().missingLayers().isEmpty()) {
                verification += " The output lacks the weights of " + DisplayFormat.plural(
                        r.plan().missingLayers().size(), "layer", "layers") + ".";
            }
            return new ConversionOutcome(r.written(), verification);
        } catch (ConversionCancelledException e) {
            throw new CancellationException(e.getMessage());
        } catch (ConversionException e) {
            String m = e.getMessage();
            if (m != null && m.startsWith(REFUSED)) {
                // the CLI's flag hint means nothing in the window, which offers "Convert anyway" instead
                throw new ConversionRefusedException(m.substring(REFUSED.length()).replaceAll("\\.? ?Use --allow-missing.*$", "."));
            }
            throw e;
        }
    }
}
