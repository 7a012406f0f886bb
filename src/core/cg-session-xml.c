/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml.c: reading session files that nobody vouches for.
 *
 * The order of the checks is the order of the harm they prevent: size and
 * emptiness before libxml2 sees a byte; no DOCTYPE (so no entities, no
 * external DTD, no billion laughs) while parsing; then the root and the
 * version, the meaning (cg-session-xml-build.c), and the schema.
 */
#define G_LOG_DOMAIN "cg-session-xml"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-session-xml-private.h"

#define SCHEMA_RESOURCE "/io/github/commonground/CommonGround/core/schema/session.rng"

G_DEFINE_QUARK (cg - session - xml - error - quark, cg_session_xml_error)

void
cg_xml_set_error_at (GError    **error,
                     int         code,
                     const char *display_name,
                     long        line,
                     long        column,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CG_SESSION_XML_ERROR, code, "%s:%ld:%ld: %s", display_name, MAX (line, 1),
               MAX (column, 1), message);
}

/* The column of an element's "<", kept in node->_private by the parser
 * (on_start_element()); text reports at its element. */
static xmlNode *
element_of (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->parent;
  return node;
}

void
cg_xml_set_node_error (GError    **error,
                       int         code,
                       const char *display_name,
                       xmlNode    *node,
                       const char *format,
                       ...)
{
  xmlNode *element = element_of (node);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (element == NULL)
    element = node;
  cg_xml_set_error_at (error, code, display_name, element != NULL ? xmlGetLineNo (element) : 1,
                       element != NULL ? GPOINTER_TO_INT (element->_private) : 1, "%s", message);
}

static gboolean
in_namespace (const xmlNode *node,
              const char    *href)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         node->ns->href != NULL && strcmp ((const char *) node->ns->href, href) == 0;
}

gboolean
cg_xml_is_main (const xmlNode *node)
{
  return in_namespace (node, CG_SESSION_XML_NS);
}

gboolean
cg_xml_is_1_1 (const xmlNode *node)
{
  return in_namespace (node, CG_SESSION_XML_NS_1_1);
}

gboolean
cg_xml_is_ours (const xmlNode *node)
{
  return cg_xml_is_main (node) || cg_xml_is_1_1 (node);
}

/* libxml2 set-up, once per process ------------------------------------------ */

/* Nothing outside the file is ever read: no DTD, no entity, no schema include. */
static xmlParserInputPtr
refuse_external_entity (const char      *url,
                        const char      *id,
                        xmlParserCtxtPtr ctxt)
{
  return NULL;
}

static void
ignore_schema_error (void       *data,
                     xmlErrorPtr error)
{
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize once = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&once))
    {
      g_autoptr (GBytes) bytes = NULL;
      xmlRelaxNGParserCtxtPtr pctxt;
      gsize size = 0;
      const char *data;

      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      xmlRelaxNGSetParserStructuredErrors (pctxt, ignore_schema_error, NULL);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      /* The schema is part of the program: if it does not compile, the
       * build is broken, not the user's file. */
      g_assert (schema != NULL);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

/* Parsing ---------------------------------------------------------------------- */

typedef struct
{
  startElementNsSAX2Func start_element;
  gboolean doctype;
  long doctype_line;
  long doctype_column;
  char *doctype_system_id;
  gboolean have_error;
  int code;
  long line;
  int column;
  char *message;
} ParseState;

static void
record_error (ParseState *state,
              xmlErrorPtr error)
{
  if (state->have_error || error->level < XML_ERR_ERROR)
    return;
  state->have_error = TRUE;
  state->code = error->code;
  state->line = error->line;
  state->column = error->int2;
  state->message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

/* The column of the "<" that opens the markup the parser has just read up
 * to: the nearest "<" back from the cursor (an attribute value cannot hold
 * one), in characters from the start of its line. When the tag is all on
 * one line, the parser's own column (where it stands now) less the
 * characters in between; else counted from the line's start, which is
 * after the previous multi-line tag, so no text is looked at twice. 0 when
 * it cannot be told. */
static long
markup_column (xmlParserCtxtPtr ctxt)
{
  xmlParserInputPtr in = ctxt->input;
  const xmlChar *lt, *line;
  gboolean one_line = TRUE;

  if (in == NULL || in->cur == NULL || in->base == NULL)
    return 0;
  for (lt = in->cur; lt > in->base && *lt != '<'; lt--)
    one_line &= *lt != '\n';
  if (*lt != '<')
    return 0;
  if (one_line)
    {
      long between = g_utf8_strlen ((const char *) lt, in->cur - lt);

      return in->col > between ? in->col - between : 0;
    }
  for (line = lt; line > in->base && line[-1] != '\n'; line--)
    ;
  if (line == in->base && in->line > 1)
    return 0;
  return g_utf8_strlen ((const char *) line, lt - line) + 1;
}

static void
on_start_element (void           *data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = data;
  ParseState *state = ctxt->_private;
  xmlNodePtr before = ctxt->node;

  state->start_element (data, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
  if (ctxt->node != NULL && ctxt->node != before && ctxt->node->type == XML_ELEMENT_NODE)
    ctxt->node->_private = GINT_TO_POINTER ((int) MIN (markup_column (ctxt), G_MAXINT));
}

static void
on_parse_error (void       *data,
                xmlErrorPtr error)
{
  xmlParserCtxtPtr ctxt = data;

  record_error (ctxt->_private, error);
}

/* Fires as soon as "<!DOCTYPE name ...>" has been read, before any
 * declaration in it is processed. */
static void
on_internal_subset (void          *data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = data;
  ParseState *state = ctxt->_private;

  state->doctype = TRUE;
  state->doctype_line = ctxt->input != NULL ? ctxt->input->line : 1;
  state->doctype_column = markup_column (ctxt);
  state->doctype_system_id = g_strdup ((const char *) system_id);
  xmlStopParser (ctxt);
}

static void
set_parse_error (ParseState *state,
                 const char *name,
                 GError    **error)
{
  long line = state->line;
  int col = state->column;

  switch (state->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      cg_xml_set_error_at (error, CG_SESSION_XML_ERROR_NOT_WELL_FORMED, name, line, col,
                           _("the file is not valid UTF-8 text"));
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      cg_xml_set_error_at (error, CG_SESSION_XML_ERROR_NOT_WELL_FORMED, name, line, col,
                           _("the file uses an entity (%s), which Common Ground files never do"),
                           state->message);
      break;
    default:
      cg_xml_set_error_at (error, CG_SESSION_XML_ERROR_NOT_WELL_FORMED, name, line, col,
                           _("the file is damaged or incomplete: it is not well-formed XML (%s)"),
                           state->message);
    }
}

/* The parser stopped at the DOCTYPE, before reading what it declares; a
 * look at the bytes (never parsing them) says what it would have done. */
static void
set_doctype_error (ParseState *state,
                   const char *data,
                   gsize       length,
                   const char *name,
                   GError    **error)
{
  const char *why = "";

  if (state->doctype_system_id != NULL)
    why = _(" (it names an outside file, which could be fetched from the network)");
  else if (g_strstr_len (data, length, "<!ENTITY %") != NULL)
    why = _(" (it declares parameter entities, which can fetch outside files)");
  else if (g_strstr_len (data, length, "SYSTEM") != NULL)
    why = _(" (it declares entities that read outside files)");
  else if (g_strstr_len (data, length, "<!ENTITY") != NULL)
    why = _(" (it declares entities, which can expand without limit)");
  cg_xml_set_error_at (
    error, CG_SESSION_XML_ERROR_DOCTYPE, name, state->doctype_line, state->doctype_column,
    _("the file refers to a document type definition, which Common Ground files never do%s"), why);
}

static xmlDocPtr
parse (const char *data,
       gsize       length,
       const char *name,
       GError    **error)
{
  ParseState state = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  gboolean ok;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_IO, name, 1, _("out of memory"));
      return NULL;
    }
  ctxt->_private = &state;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->internalSubset = on_internal_subset;
  state.start_element = ctxt->sax->startElementNs;
  ctxt->sax->startElementNs = on_start_element;
  /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  ok = !state.doctype && ctxt->wellFormed && ctxt->errNo == 0 && !state.have_error && doc != NULL &&
       xmlDocGetRootElement (doc) != NULL;
  if (state.doctype)
    set_doctype_error (&state, data, length, name, error);
  else if (!ok && state.have_error)
    set_parse_error (&state, name, error);
  else if (!ok)
    cg_xml_set_error (error, CG_SESSION_XML_ERROR_NOT_WELL_FORMED, name,
                      ctxt->input != NULL ? ctxt->input->line : 1,
                      _("the file is damaged or incomplete: it is not well-formed XML"));
  xmlFreeParserCtxt (ctxt);
  g_free (state.message);
  g_free (state.doctype_system_id);
  if (!ok)
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}

/* Root, version, schema ------------------------------------------------------------ */

static gboolean
check_root (xmlNode    *root,
            const char *name,
            gboolean   *newer_minor,
            GError    **error)
{
  xmlChar *version;
  guint64 major = 0, minor = 0;
  char *end = NULL;
  gboolean ok;

  if (!cg_xml_is_main (root) || strcmp ((const char *) root->name, "session") != 0)
    {
      cg_xml_set_node_error (
        error, CG_SESSION_XML_ERROR_WRONG_ROOT, name, root,
        _(
          "this is not a Common Ground session: its root element is “%s”, not “session” in the Common Ground namespace"),
        (const char *) root->name);
      return FALSE;
    }
  version = xmlGetNoNsProp (root, (const xmlChar *) "format-version");
  ok = version != NULL && g_ascii_isdigit (version[0]);
  if (ok)
    major = g_ascii_strtoull ((const char *) version, &end, 10);
  ok = ok && end[0] == '.' && g_ascii_isdigit (end[1]);
  if (ok)
    minor = g_ascii_strtoull (end + 1, &end, 10);
  ok = ok && end[0] == '\0';
  if (!ok)
    cg_xml_set_node_error (error, CG_SESSION_XML_ERROR_VERSION, name, root,
                           _("the file does not say which format version it is in"));
  else if (major > CG_SESSION_XML_FORMAT_MAJOR)
    cg_xml_set_node_error (
      error, CG_SESSION_XML_ERROR_VERSION, name, root,
      _(
        "this file was made by a newer version of Common Ground (format %s); this version reads format %d.x"),
      (const char *) version, CG_SESSION_XML_FORMAT_MAJOR);
  else if (major < CG_SESSION_XML_FORMAT_MAJOR)
    cg_xml_set_node_error (
      error, CG_SESSION_XML_ERROR_VERSION, name, root,
      _("the file is in format %s, which this version cannot read; it reads format %d.x"),
      (const char *) version, CG_SESSION_XML_FORMAT_MAJOR);
  ok = ok && major == CG_SESSION_XML_FORMAT_MAJOR;
  *newer_minor = ok && minor > CG_SESSION_XML_FORMAT_MINOR;
  xmlFree (version);
  return ok;
}

typedef struct
{
  ParseState first;
  gboolean any;
} SchemaState;

static void
on_schema_error (void       *data,
                 xmlErrorPtr error)
{
  SchemaState *state = data;

  long line = error->line;

  /* Keep the first error that points at a line; some only name a node. */
  if (line <= 0 && error->node != NULL)
    line = xmlGetLineNo (error->node);
  if (!state->any || (state->first.line <= 0 && line > 0))
    {
      state->first.have_error = FALSE;
      g_clear_pointer (&state->first.message, g_free);
      record_error (&state->first, error);
      state->first.line = line;
      if (error->node != NULL && element_of (error->node) != NULL)
        state->first.column = GPOINTER_TO_INT (element_of (error->node)->_private);
      state->any = TRUE;
    }
}

/* libxml2's RELAX NG validator cannot compile content models that hold
 * wildcards (our foreign elements), and the interpreter it falls back on is
 * quadratic in the number of a list's children: validating the answers of
 * 200 partners x 1,000 items took about a minute. <answers> is nearly all of
 * a large file, and the builder has already checked every answer's name,
 * attributes and values, so the schema sees <answers> empty and the little
 * it would add for each answer is checked here. */
static gboolean
answer_follows_schema (xmlNode    *answer,
                       const char *name,
                       GError    **error)
{
  gboolean text_only = strcmp ((const char *) answer->name, "comment") == 0;

  for (xmlAttr *a = answer->properties; a != NULL; a = a->next)
    if (a->ns != NULL && a->ns->href != NULL &&
        (strcmp ((const char *) a->ns->href, CG_SESSION_XML_NS) == 0 ||
         strcmp ((const char *) a->ns->href, CG_SESSION_XML_NS_1_1) == 0))
      {
        cg_xml_set_node_error (
          error, CG_SESSION_XML_ERROR_INVALID, name, answer,
          _(
            "the file does not follow the Common Ground format: “%s” has an attribute “%s” in the Common Ground namespace"),
          (const char *) answer->name, (const char *) a->name);
        return FALSE;
      }
  for (xmlNode *c = answer->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE ||
        (!text_only && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
         !xmlIsBlankNode (c)))
      {
        cg_xml_set_node_error (
          error, CG_SESSION_XML_ERROR_INVALID, name, c,
          text_only
            ? _(
                "the file does not follow the Common Ground format: “%s” holds an element, where only text belongs")
            : _(
                "the file does not follow the Common Ground format: “%s” holds content, where it should be empty"),
          (const char *) answer->name);
        return FALSE;
      }
  return TRUE;
}

static xmlNode *
find_answers (xmlDocPtr doc)
{
  for (xmlNode *c = xmlDocGetRootElement (doc)->children; c != NULL; c = c->next)
    if (cg_xml_is_main (c) && strcmp ((const char *) c->name, "answers") == 0)
      return c;
  return NULL;
}

static int
validate_without_answers (xmlRelaxNGValidCtxtPtr vctxt,
                          xmlDocPtr              doc)
{
  xmlNode *answers = find_answers (doc);
  xmlNode *children = NULL, *last = NULL;
  int result;

  if (answers != NULL)
    {
      children = answers->children;
      last = answers->last;
      answers->children = answers->last = NULL;
    }
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  if (answers != NULL)
    {
      answers->children = children;
      answers->last = last;
    }
  return result;
}

static gboolean
check_answers (xmlDocPtr   doc,
               const char *name,
               GError    **error)
{
  xmlNode *answers = find_answers (doc);

  for (xmlNode *c = answers != NULL ? answers->children : NULL; c != NULL; c = c->next)
    if (cg_xml_is_main (c) && !answer_follows_schema (c, name, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_schema (xmlDocPtr   doc,
              const char *name,
              GError    **error)
{
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  SchemaState state = { { 0 }, FALSE };
  int result;

  xmlRelaxNGSetValidStructuredErrors (vctxt, on_schema_error, &state);
  result = validate_without_answers (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  if (result != 0)
    cg_xml_set_error_at (error, CG_SESSION_XML_ERROR_INVALID, name, state.first.line,
                         state.first.column,
                         _("the file does not follow the Common Ground format: %s"),
                         state.first.message != NULL ? state.first.message : _("unknown problem"));
  g_free (state.first.message);
  return result == 0 && check_answers (doc, name, error);
}

/* Loading ---------------------------------------------------------------------------- */

static gboolean
check_bytes (const char *data,
             gsize       length,
             const char *name,
             GError    **error)
{
  gsize i;

  if (length > CG_SESSION_XML_MAX_SIZE)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_TOO_BIG, name, 1,
                        _("the file is larger than %d MB, too large for a Common Ground session"),
                        CG_SESSION_XML_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_EMPTY, name, 1, _("the file is empty"));
      return FALSE;
    }
  if (length >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      cg_xml_set_error (error, CG_SESSION_XML_ERROR_NOT_WELL_FORMED, name, 1,
                        _("the file is compressed (gzip); Common Ground files are plain XML"));
      return FALSE;
    }
  return TRUE;
}

CgSession *
cg_session_xml_load_data (const char *data,
                          gsize       length,
                          const char *display_name,
                          GError    **error)
{
  g_autoptr (CgSession) session = NULL;
  const char *name = display_name != NULL ? display_name : _("session");
  gboolean newer_minor = FALSE;
  xmlDocPtr doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_bytes (data, length, name, error))
    return NULL;
  get_schema ();
  doc = parse (data, length, name, error);
  if (doc == NULL)
    return NULL;
  if (check_root (xmlDocGetRootElement (doc), name, &newer_minor, error) &&
      (session = cg_xml_build_session (doc, name, error)) != NULL &&
      check_schema (doc, name, error))
    cg_xml_session_set_file_facts (session, cg_xml_foreign_collect (doc), newer_minor);
  else
    g_clear_object (&session);
  xmlFreeDoc (doc);
  return g_steal_pointer (&session);
}

/* What the session remembers of its file ------------------------------------------- */

static GQuark
foreign_quark (void)
{
  return g_quark_from_static_string ("cg-session-xml-foreign");
}

static GQuark
newer_minor_quark (void)
{
  return g_quark_from_static_string ("cg-session-xml-newer-minor");
}

CgXmlForeign *
cg_xml_session_get_foreign (CgSession *session)
{
  return g_object_get_qdata (G_OBJECT (session), foreign_quark ());
}

void
cg_xml_session_set_file_facts (CgSession    *session,
                               CgXmlForeign *foreign,
                               gboolean      newer_minor)
{
  g_object_set_qdata_full (G_OBJECT (session), foreign_quark (), foreign,
                           (GDestroyNotify) cg_xml_foreign_free);
  g_object_set_qdata (G_OBJECT (session), newer_minor_quark (), GINT_TO_POINTER (newer_minor));
}

gboolean
cg_session_xml_get_newer_minor (CgSession *session)
{
  g_return_val_if_fail (CG_IS_SESSION (session), FALSE);
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (session), newer_minor_quark ()));
}
