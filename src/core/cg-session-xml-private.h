/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml-private.h: shared by the cg-session-xml*.c files only. */
#pragma once

#include <libxml/tree.h>

#include "cg-session-xml.h"

G_BEGIN_DECLS

#define CG_SESSION_XML_NS "https://commonground.github.io/ns/session"
/* What format 1.1 added (<cg11:baseline>, <cg11:group>, <cg11:work-on>):
 * a minor version adds content only in a namespace of its own, which an
 * older reader keeps as foreign content (docs/FORMAT.md, "Versions"). */
#define CG_SESSION_XML_NS_1_1 "https://commonground.github.io/ns/session/1.1"
#define CG_SESSION_XML_PREFIX_1_1 "cg11"

/* Errors for people: "NAME:LINE:COLUMN: message", as compilers write them
 * so that editors can jump there. Lines and columns count from 1. */
void cg_xml_set_error_at (GError **error,
                          int code,
                          const char *display_name,
                          long line,
                          long column,
                          const char *format,
                          ...) G_GNUC_PRINTF (6, 7);
/* The same at the start of a line (or of the file, for problems with the
 * file as a whole). */
#define cg_xml_set_error(error, code, display_name, line, ...)                                     \
  cg_xml_set_error_at (error, code, display_name, line, 1, __VA_ARGS__)
/* The same at @node's start tag, or its element's for text. */
void cg_xml_set_node_error (
  GError **error, int code, const char *display_name, xmlNode *node, const char *format, ...)
  G_GNUC_PRINTF (5, 6);

/* An element of a namespace this version reads as its own: the Common
 * Ground namespace or a minor version's up to ours (1.1). Everything else
 * is foreign, kept and written back but never read. */
gboolean cg_xml_is_ours (const xmlNode *node);
/* An element of the Common Ground namespace itself (format 1.0's). */
gboolean cg_xml_is_main (const xmlNode *node);
/* An element of the 1.1 namespace. */
gboolean cg_xml_is_1_1 (const xmlNode *node);

/* Builds the session a parsed, well-formed document describes, checking
 * every value and reference as it goes. */
CgSession *cg_xml_build_session (xmlDoc *doc, const char *display_name, GError **error);

/* The document for @session, without foreign content. */
xmlDoc *cg_xml_write_doc (CgSession *session);

/* Content in other namespaces, kept from a loaded file and written back
 * where it was: attributes on, and elements inside, the element of ours
 * with the same key (cg_xml_node_key()). */
typedef struct _CgXmlForeign CgXmlForeign;

CgXmlForeign *cg_xml_foreign_collect (xmlDoc *doc); /* NULL when there is none */
void cg_xml_foreign_free (CgXmlForeign *foreign);
void cg_xml_foreign_attach (CgXmlForeign *foreign, xmlDoc *doc);
char *cg_xml_node_key (xmlNode *node);

/* What a loaded session remembers of its file (qdata on the session). */
CgXmlForeign *cg_xml_session_get_foreign (CgSession *session);
void cg_xml_session_set_file_facts (CgSession *session,
                                    CgXmlForeign *foreign, /* taken */
                                    gboolean newer_minor);

/* Writes @bytes to @file without ever truncating it in place; returns the
 * new etag. @expected_etag: with @check_etag, the etag the file must still
 * have (NULL: it must not exist). */
gboolean cg_xml_write_file (GFile *file,
                            GBytes *bytes,
                            gboolean check_etag,
                            const char *expected_etag,
                            char **new_etag,
                            GCancellable *cancellable,
                            GError **error);

G_END_DECLS
