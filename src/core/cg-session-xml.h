/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml.h: reading and writing session files (docs/FORMAT.md).
 *
 * Files are untrusted: they are read with a size cap, parsed with no
 * network, no DTD and no entities, checked against the RELAX NG schema and
 * then for meaning. Saving never truncates the user's file in place: the
 * new bytes go to a temporary file in the same folder that replaces the
 * old one only once it is complete.
 *
 * Error messages are for facilitators and always start "FILE:LINE:COLUMN: ".
 */
#pragma once

#include <gio/gio.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_SESSION_XML_ERROR (cg_session_xml_error_quark ())
GQuark cg_session_xml_error_quark (void);

typedef enum {
  CG_SESSION_XML_ERROR_TOO_BIG,
  CG_SESSION_XML_ERROR_NOT_WELL_FORMED,
  CG_SESSION_XML_ERROR_DOCTYPE,
  CG_SESSION_XML_ERROR_WRONG_ROOT,
  CG_SESSION_XML_ERROR_VERSION,
  CG_SESSION_XML_ERROR_INVALID, /* does not follow the schema */
  CG_SESSION_XML_ERROR_MEANING, /* follows it but does not make sense */
  CG_SESSION_XML_ERROR_EMPTY,
  CG_SESSION_XML_ERROR_IO,
} CgSessionXmlError;

#define CG_SESSION_XML_MAX_SIZE (16 * 1024 * 1024)

/* The format this version writes, and the newest major version it reads. */
#define CG_SESSION_XML_FORMAT_MAJOR 1
#define CG_SESSION_XML_FORMAT_MINOR 1

CgSession *cg_session_xml_load_data (const char *data,
                                     gsize length,
                                     const char *display_name,
                                     GError **error);
/* Sets the session's file and etag. */
CgSession *cg_session_xml_load_file (GFile *file, GCancellable *cancellable, GError **error);

GBytes *cg_session_xml_save_bytes (CgSession *session, GError **error);
/* Replaces @file atomically; on success sets the session's file and etag
 * and marks it unmodified. With @check_etag, fails with
 * G_IO_ERROR_WRONG_ETAG if the file changed on disk since it was loaded or
 * last saved. New files are private to the user (0600). */
gboolean cg_session_xml_save_file (
  CgSession *session, GFile *file, gboolean check_etag, GCancellable *cancellable, GError **error);

void cg_session_xml_load_file_async (GFile *file,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
CgSession *cg_session_xml_load_file_finish (GAsyncResult *result, GError **error);
/* Serialises at once (on the calling thread) and writes in a thread. */
void cg_session_xml_save_file_async (CgSession *session,
                                     GFile *file,
                                     gboolean check_etag,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean cg_session_xml_save_file_finish (CgSession *session, GAsyncResult *result, GError **error);

/* For notices: TRUE when the file @session was loaded from had a newer
 * minor version (its extra content is kept and written back). */
gboolean cg_session_xml_get_newer_minor (CgSession *session);

G_END_DECLS
