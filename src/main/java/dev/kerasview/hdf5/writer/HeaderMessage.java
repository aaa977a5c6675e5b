package dev.kerasview.hdf5.writer;

/** One message of an object header: its type number, flags and encoded body. */
record HeaderMessage(int type, int flags, byte[] body) {

    static final int DATASPACE = 0x01;
    static final int LINK_INFO = 0x02;
    static final int DATATYPE = 0x03;
    static final int FILL_VALUE = 0x05;
    static final int LINK = 0x06;
    static final int LAYOUT = 0x08;
    static final int GROUP_INFO = 0x0A;
    static final int ATTRIBUTE = 0x0C;
    static final int ATTRIBUTE_INFO = 0x15;

    /** Flag bit 0: the message is constant (the library sets it on datatype and fill value). */
    static final int CONSTANT = 0x01;

    /** The largest body a version-2 object header can hold: its size field has two bytes. */
    static final int MAX_BODY_SIZE = 0xFFFF;

    HeaderMessage {
        if (body.length > MAX_BODY_SIZE) {
            throw new IllegalArgumentException("object header message of " + body.length
                    + " bytes exceeds the HDF5 limit of " + MAX_BODY_SIZE + " bytes");
        }
    }
}
