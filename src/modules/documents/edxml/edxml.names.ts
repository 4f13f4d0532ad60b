/** Namespaces and fixed names of QCVN 102:2016 packages (see README.md for the sources). */

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** The prefix the axis software writes; any prefix, or none, is accepted when reading. */
export const EDXML_PREFIX = 'edXML';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** Root of a package as produced on the axis: it wraps the envelope and the encoded files. */
export const ROOT = 'edXML';
export const ENVELOPE = 'edXMLEnvelope';
export const HEADER = 'edXMLHeader';
export const BODY = 'edXMLBody';
export const MANIFEST = 'edXMLManifest';
export const ATTACHMENT_ENCODED = 'AttachmentEncoded';
