package dev.kerasview.ui;

import dev.kerasview.catalog.LayerCatalog;
import dev.kerasview.convert.CancellationToken;
import dev.kerasview.convert.ConversionCancelledException;
import dev.kerasview.convert.ConversionProgress;
import dev.kerasview.catalog.KerasVersionTable;
import dev.kerasview.convert.ConversionRequest;
import dev.kerasview.convert.ConversionResult;
import dev.kerasview.convert.Converter;
import dev.kerasview.convert.OutputDiagnosis;
import dev.kerasview.convert.ConversionRefusal;
import dev.kerasview.formats.ModelReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** Converts files through the core converter, checking each output with the diagnoser. */
final class CoreModelConverter implements ModelConverter {

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
        // A file written for an older Keras is verified by that version's load replay.
        OutputDiagnosis outputDiagnosis = request.targetKeras() == null ? OutputDiagnosis.diagnoser()
                : OutputDiagnosis.diagnoser(new KerasVersionTable(), request.targetKeras());
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
            List<String> notes = new ArrayList<>(r.notes());
            r.plan().missingLayers().forEach(l -> notes.add("The output lacks the weights of layer '" + l.name()
                    + "' (" + l.className() + "): " + l.missing()));
            return new ConversionOutcome(r.written(), verification, notes);
        } catch (ConversionCancelledException e) {
            throw new CancellationException(e.getMessage());
        } catch (dev.kerasview.convert.ConversionRefusedException e) { // the core's, not the window's twin
            if (e.reason() == ConversionRefusal.MISSING_WEIGHTS || e.reason() == ConversionRefusal.NEEDS_CUSTOM_CODE) {
                // The window offers "Convert anyway" where the CLI names a flag.
                throw new ConversionRefusedException(e.reason(), capitalised(e.cause()) + ".");
            }
            throw e;
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
