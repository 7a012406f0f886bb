/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-template"
#include "config.h"

#include "cg-template.h"
#include "cg-template-private.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"

#define TEMPLATE_DIR "/io/github/commonground/CommonGround/core/templates/"
#define TEMPLATE_SUFFIX ".commonground"
#define SESSION_NS "https://commonground.github.io/ns/session"
#define STANDARD_ID "standard"

void
cg_template_info_free (CgTemplateInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info->description);
  g_free (info->resource_path);
  g_free (info);
}

/* Template texts are msgids of our own domain. gettext answers "" with the
 * catalogue's header, so empty text is never looked up. */
static const char *
translate (const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

/* Reading the <template> element ------------------------------------------ */

static gboolean
is_session_element (const xmlNode *node,
                    const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST SESSION_NS) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
find_child (const xmlNode *parent,
            const char    *name)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (is_session_element (node, name))
      return node;
  return NULL;
}

static char *
child_text (const xmlNode *parent,
            const char    *name)
{
  xmlNode *child = find_child (parent, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return g_strdup ("");
  content = xmlNodeGetContent (child);
  text = cg_text_clean ((const char *) content);
  xmlFree (content);
  return text;
}

/* Only XML_PARSE_NONET among the options that widen what a document may do:
 * no entity substitution, no DTD loading. The quiet flags keep libxml2 off
 * stderr; the GError carries the message instead. */
static xmlDoc *
read_document (GBytes     *bytes,
               const char *path,
               GError    **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc;

  if (length > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The template %s is too large."),
                   path);
      return NULL;
    }
  doc = xmlReadMemory (data, (int) length, path, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xerr = xmlGetLastError ();
      g_autofree char *why = g_strdup (xerr != NULL && xerr->message != NULL ? xerr->message : "");

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The template %s is not well-formed XML: %s"), path, g_strstrip (why));
      return NULL;
    }
  if (doc->intSubset != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The template %s has a DOCTYPE, which is not allowed."), path);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* The file must be called ID.commonground: the id is how it is found. */
static gboolean
id_matches_path (const char *id,
                 const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *expected = g_strconcat (id, TEMPLATE_SUFFIX, NULL);

  return g_str_equal (base, expected);
}

static CgTemplateInfo *
info_from_element (const xmlNode *element,
                   const char    *path,
                   GError       **error)
{
  xmlChar *id = xmlGetProp (element, BAD_CAST "id");
  g_autofree char *name = child_text (element, "name");
  g_autofree char *description = child_text (element, "description");
  CgTemplateInfo *info;

  if (id == NULL || !id_matches_path ((const char *) id, path) || *name == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The template %s has no name, or an id that does not match its file name."),
                   path);
      xmlFree (id);
      return NULL;
    }
  info = g_new0 (CgTemplateInfo, 1);
  info->id = g_strdup ((const char *) id);
  info->name = g_strdup (translate (name));
  info->description = g_strdup (translate (description));
  info->resource_path = g_strdup (path);
  xmlFree (id);
  return info;
}

static CgTemplateInfo *
template_info_read (GBytes     *bytes,
                    const char *path,
                    GError    **error)
{
  xmlDoc *doc = read_document (bytes, path, error);
  xmlNode *root;
  xmlNode *element = NULL;
  CgTemplateInfo *info;

  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (is_session_element (root, "session"))
    element = find_child (root, "template");
  if (element == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a Common Ground workshop template."), path);
      xmlFreeDoc (doc);
      return NULL;
    }
  info = info_from_element (element, path, error);
  xmlFreeDoc (doc);
  return info;
}

/* Listing ------------------------------------------------------------------- */

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const CgTemplateInfo *ia = *(CgTemplateInfo *const *) a;
  const CgTemplateInfo *ib = *(CgTemplateInfo *const *) b;
  gboolean sa = g_str_equal (ia->id, STANDARD_ID);
  gboolean sb = g_str_equal (ib->id, STANDARD_ID);

  if (sa != sb)
    return sa ? -1 : 1;
  return g_utf8_collate (ia->name, ib->name);
}

static CgTemplateInfo *
template_info_load (const char *path,
                    GError    **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return template_info_read (bytes, path, error);
}

GPtrArray *
cg_template_list (void)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cg_template_info_free);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names =
    g_resources_enumerate_children (TEMPLATE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (names == NULL)
    {
      g_warning ("No built-in workshop templates: %s", error->message);
      return g_steal_pointer (&list);
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEMPLATE_DIR, names[i], NULL);
      CgTemplateInfo *info;

      if (!g_str_has_suffix (names[i], TEMPLATE_SUFFIX))
        continue;
      /* A broken built-in template is a packaging bug: say so, list the rest. */
      info = template_info_load (path, &error);
      if (info == NULL)
        {
          g_warning ("Skipping a built-in template: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_infos);
  return g_steal_pointer (&list);
}

/* A new session --------------------------------------------------------------- */

/* Ids are plain names; anything else cannot be a template and must not be
 * spliced into a resource path. */
static gboolean
template_id_is_valid (const char *id)
{
  if (*id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

static void
translate_strv (CgSession         *session,
                const char *const *strv,
                gboolean           is_roles,
                guint              lesson)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) translated = NULL;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_strv_builder_add (builder, translate (strv[i]));
  translated = g_strv_builder_end (builder);
  if (is_roles)
    cg_session_set_role_suggestions (session, (const char *const *) translated);
  else
    cg_session_set_lesson_prompts (session, lesson, (const char *const *) translated);
}

/* Setters may free the text they replace, so each gets its own copy. */
#define SET_TRANSLATED(setter, ...)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *tr_ = g_strdup (translate (text));                                            \
    setter (session, __VA_ARGS__, tr_);                                                            \
  }                                                                                                \
  G_STMT_END

static void
translate_items (CgSession *session)
{
  const char *text;

  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      text = cg_session_get_lesson_intro (session, l);
      SET_TRANSLATED (cg_session_set_lesson_intro, l);
      translate_strv (session, cg_session_get_lesson_prompts (session, l), FALSE, l);
      for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
        {
          const CgItem *item = cg_session_get_statement (session, l, i);
          text = item->text;
          SET_TRANSLATED (cg_session_set_item_text, item->id);
        }
    }
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    {
      const CgItem *aim = cg_session_get_aim (session, i);
      text = aim->text;
      SET_TRANSLATED (cg_session_set_item_text, aim->id);
    }
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    {
      const CgTask *task = cg_session_get_task (session, i);
      text = task->text;
      SET_TRANSLATED (cg_session_set_task_text, task->id);
    }
}

static void
translate_people_and_text (CgSession *session)
{
  const CgPartnerField partner_fields[] = { CG_PARTNER_NAME, CG_PARTNER_ORGANISATION,
                                            CG_PARTNER_ROLE };
  const CgDetail details[] = { CG_DETAIL_TITLE, CG_DETAIL_FACILITATOR, CG_DETAIL_CONTEXT };
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      text = cg_session_get_detail (session, details[i]);
      SET_TRANSLATED (cg_session_set_detail, details[i]);
    }
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      const char *values[] = { p->name, p->organisation, p->role };

      for (guint f = 0; f < G_N_ELEMENTS (partner_fields); f++)
        {
          text = values[f];
          SET_TRANSLATED (cg_session_set_partner_field, p->id, partner_fields[f]);
        }
    }
  for (CgCharterField f = 0; f < CG_N_CHARTER_FIELDS; f++)
    {
      text = cg_session_get_charter_field (session, f);
      if (text != NULL)
        SET_TRANSLATED (cg_session_set_charter_field, f);
    }
  translate_strv (session, cg_session_get_role_suggestions (session), TRUE, 0);
}

/* What makes a template's session a new one: translated, named after the
 * template, dated today, and with nothing to undo or save yet. */
static void
start_session (CgSession            *session,
               const CgTemplateInfo *info)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  cg_session_set_recording (session, FALSE);
  translate_items (session);
  translate_people_and_text (session);
  cg_session_set_detail (session, CG_DETAIL_SCENARIO, info->name);
  cg_session_set_detail (session, CG_DETAIL_DATE, today);
  /* A new session is nobody's later round, even from a template saved as one. */
  cg_session_set_baseline (session, NULL);
  cg_session_set_recording (session, TRUE);
  cg_session_clear_history (session);
  cg_session_set_file (session, NULL);
  cg_session_set_etag (session, NULL);
  cg_session_set_unmodified (session);
}

CgSession *
cg_template_load_data (GBytes     *bytes,
                       const char *path,
                       GError    **error)
{
  g_autoptr (CgTemplateInfo) info = NULL;
  g_autofree char *display_name = NULL;
  CgSession *session;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL && path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = template_info_read (bytes, path, error);
  if (info == NULL)
    return NULL;
  display_name = g_path_get_basename (path);
  data = g_bytes_get_data (bytes, &length);
  session = cg_session_xml_load_data (data, length, display_name, error);
  if (session == NULL)
    return NULL;
  start_session (session, info);
  return session;
}

CgSession *
cg_session_new_from_template (const char *template_id,
                              GError    **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (template_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_strconcat (TEMPLATE_DIR, template_id, TEMPLATE_SUFFIX, NULL);
  if (template_id_is_valid (template_id))
    bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no workshop template called “%s”."), template_id);
      return NULL;
    }
  return cg_template_load_data (bytes, path, error);
}
