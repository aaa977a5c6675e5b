package dev.kerasview.formats;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens any Keras model file, choosing the reader by content (magic bytes), not by suffix. */
public final class ModelReader {

    private ModelReader() {
    }

    /**
     * Opens a model file (or unzipped .keras folder), with an optional separate weights file.
     *
     * @throws UnreadableFileException when the file is not a model at all; the message is one
     *                                 line naming the file and the problem
     */
    public static OpenModel open(Path file, Path weightsOrNull) throws UnreadableFileException {
        if (!Files.exists(file)) {
            throw new UnreadableFileException(file, "no such file");
        }
        if (weightsOrNull != null && !Files.isRegularFile(weightsOrNull)) {
            throw new UnreadableFileException(weightsOrNull, "no such weights file");
        }
        ReaderOpenModel.Resources res = new ReaderOpenModel.Resources();
        try {
            FileKind kind = FormatSniffer.sniff(file);
            OpenModel m = switch (kind) {
                case ZIP -> new KerasArchiveReader(file, res).read();
                case DIRECTORY -> new KerasDirectoryReader(file, res).read();
                case HDF5 -> new HdfModelReader(file, weightsOrNull, res).read();
                case JSON -> new JsonModelReader(file, weightsOrNull, res).read();
                case EMPTY -> throw new UnreadableFileException(file, "is empty (0 bytes), not a "
                        + "model");
                case LFS_POINTER -> throw new UnreadableFileException(file, "is a Git LFS pointer, "
                        + "not the model: run `git lfs pull` to fetch the real file");
                case HTML -> throw new UnreadableFileException(file, "is an HTML or XML page, not a "
                        + "model (a download that saved the web page instead of the file?)");
                case PICKLE -> throw new UnreadableFileException(file, "is a Python pickle, not a "
                        + "Keras model; pickles can run code and are never opened");
                case UNKNOWN -> throw new UnreadableFileException(file, "is neither a zip (.keras), "
                        + "an HDF5 file (.h5) nor JSON: not a Keras model");
            };
            return m;
        } catch (UnreadableFileException e) {
            res.close();
            throw e;
        } catch (NoSuchFileException e) {
            res.close();
            throw new UnreadableFileException(file, "no such file: " + e.getFile());
        } catch (AccessDeniedException e) {
            res.close();
            throw new UnreadableFileException(file, "permission denied: this account may not read "
                    + e.getFile() + "; check the file's permissions");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            res.close();
            throw new UnreadableFileException(file, "cannot be read: " + reason(e), e);
        }
    }

    /** One line for an unexpected failure: the innermost message without class names. */
    static String reason(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        msg = msg.replaceAll("\\s+", " ").trim();
        return msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
    }

    static String suffix(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot);
    }
}
