/** Zip reading: ZIP64, byte ranges of STORED entries, and guards against bombs, traversal and duplicates. */
package dev.kerasview.archive;
