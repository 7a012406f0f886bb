/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml-write.c: from a session to a document, in the one fixed
 * order docs/FORMAT.md gives, so that saving twice gives the same bytes.
 *
 * Text always goes in with xmlNewTextChild()/xmlSetProp(), which escape it:
 * xmlNewChild() would read "R&D" as markup and drop it.
 */
#define G_LOG_DOMAIN "cg-session-xml"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-session-private.h"
#include "cg-session-xml-private.h"

static const char *const detail_names[CG_N_DETAILS] = {
  "title", "date", "facilitator", "context", "scenario",
};

/* CG_CHARTER_WORK_ON is 1.1's, written in its namespace. */
static const char *const charter_names[CG_N_CHARTER_FIELDS] = {
  "title",       "purpose",  "ground-rules",     "measures",
  "review-date", "learning", "still-to-resolve", "work-on",
};

/* Children take their parent's namespace (xmlNewChild() with no ns). */
static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
}

/* An element holding @text; an empty text gives an empty element. @ns NULL:
 * the parent's namespace. */
static xmlNode *
add_text_ns (xmlNode    *parent,
             xmlNs      *ns,
             const char *name,
             const char *text)
{
  if (text == NULL || text[0] == '\0')
    return xmlNewChild (parent, ns, (const xmlChar *) name, NULL);
  return xmlNewTextChild (parent, ns, (const xmlChar *) name, (const xmlChar *) text);
}

static xmlNode *
add_text (xmlNode    *parent,
          const char *name,
          const char *text)
{
  return add_text_ns (parent, NULL, name, text);
}

/* The 1.1 namespace, declared on the root the first time it is used: a
 * session without 1.1 content is written as format 1.0 wrote it (but for
 * format-version). */
static xmlNs *
ns_1_1 (xmlNode *node)
{
  xmlNode *root = xmlDocGetRootElement (node->doc);
  xmlNs *ns = xmlSearchNsByHref (node->doc, root, (const xmlChar *) CG_SESSION_XML_NS_1_1);

  if (ns == NULL)
    ns = xmlNewNs (root, (const xmlChar *) CG_SESSION_XML_NS_1_1,
                   (const xmlChar *) CG_SESSION_XML_PREFIX_1_1);
  return ns;
}

static void
set_attr (xmlNode    *node,
          const char *name,
          const char *value)
{
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

static void
set_id_attr (xmlNode    *node,
             const char *name,
             char        prefix,
             guint       id)
{
  char text[16];

  g_snprintf (text, sizeof text, "%c%u", prefix, id);
  set_attr (node, name, text);
}

static char
item_prefix (const CgItem *item)
{
  return item->kind == CG_ITEM_AIM ? 'a' : 's';
}

static void
write_details (CgSession *session,
               xmlNode   *root)
{
  xmlNode *details = add_element (root, "details");

  for (guint i = 0; i < CG_N_DETAILS; i++)
    {
      const char *text = cg_session_get_detail (session, (CgDetail) i);

      if (text[0] != '\0')
        add_text (details, detail_names[i], text);
    }
}

static void
write_baseline (CgSession *session,
                xmlNode   *root)
{
  const CgBaseline *baseline = cg_session_get_baseline (session);
  xmlNode *node;

  if (baseline == NULL)
    return;
  /* Its children inherit the 1.1 namespace. */
  node = xmlNewChild (root, ns_1_1 (root), (const xmlChar *) "baseline", NULL);
  set_attr (node, "sha256", baseline->sha256);
  add_text (node, "title", baseline->title);
  if (baseline->date[0] != '\0')
    add_text (node, "date", baseline->date);
  add_text (node, "file", baseline->file_name);
}

static void
write_options (CgSession *session,
               xmlNode   *root)
{
  xmlNode *options = add_element (root, "options");

  set_attr (options, "answers-hidden", cg_session_get_answers_hidden (session) ? "true" : "false");
  set_attr (options, "current-stage", cg_stage_to_string (cg_session_get_current_stage (session)));
  for (guint s = 0; s < CG_N_STAGES; s++)
    if (cg_session_get_revealed (session, (CgStage) s))
      set_attr (add_element (options, "revealed"), "stage", cg_stage_to_string ((CgStage) s));
}

static void
write_strv (xmlNode           *parent,
            const char        *name,
            const char *const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    add_text (parent, name, strv[i]);
}

static void
write_partners (CgSession *session,
                xmlNode   *root)
{
  xmlNode *partners = add_element (root, "partners");

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      xmlNode *node = add_element (partners, "partner");

      set_id_attr (node, "id", 'p', p->id);
      set_attr (node, "colour", p->colour);
      add_text (node, "name", p->name);
      if (p->organisation != NULL && p->organisation[0] != '\0')
        add_text (node, "organisation", p->organisation);
      if (p->role != NULL && p->role[0] != '\0')
        add_text (node, "role", p->role);
      if (p->group != NULL && p->group[0] != '\0')
        add_text_ns (node, ns_1_1 (node), "group", p->group);
    }
}

static void
write_lessons (CgSession *session,
               xmlNode   *root)
{
  xmlNode *lessons = add_element (root, "lessons");

  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      xmlNode *lesson = add_element (lessons, "lesson");
      const char *intro = cg_session_get_lesson_intro (session, l);
      char number[4];

      g_snprintf (number, sizeof number, "%u", l + 1);
      set_attr (lesson, "number", number);
      if (intro[0] != '\0')
        add_text (lesson, "intro", intro);
      write_strv (lesson, "prompt", cg_session_get_lesson_prompts (session, l));
      for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
        {
          const CgItem *item = cg_session_get_statement (session, l, i);

          set_id_attr (add_text (lesson, "statement", item->text), "id", 's', item->id);
        }
    }
}

static void
write_aims_and_tasks (CgSession *session,
                      xmlNode   *root)
{
  xmlNode *aims = add_element (root, "aims");
  xmlNode *tasks;

  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    {
      const CgItem *item = cg_session_get_aim (session, i);
      xmlNode *node = add_text (aims, "aim", item->text);

      set_id_attr (node, "id", 'a', item->id);
      if (item->agreed)
        set_attr (node, "agreed", "true");
    }
  tasks = add_element (root, "tasks");
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    {
      const CgTask *task = cg_session_get_task (session, i);
      xmlNode *node = add_text (tasks, "task", task->text);

      set_id_attr (node, "id", 't', task->id);
      if (task->charter_accountable != 0)
        set_id_attr (node, "charter-accountable", 'p', task->charter_accountable);
    }
}

static void
write_ratings (CgSession    *session,
               xmlNode      *answers,
               guint         partner,
               const CgItem *item)
{
  CgRating rating = cg_session_get_rating (session, partner, item->id);
  xmlNode *node;

  if (rating == CG_RATING_NONE)
    return;
  node = add_element (answers, "rating");
  set_id_attr (node, "partner", 'p', partner);
  set_id_attr (node, "item", item_prefix (item), item->id);
  set_attr (node, "value", cg_rating_to_string (rating));
}

static void
write_roles (CgSession *session,
             xmlNode   *answers,
             guint      partner)
{
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    {
      const CgTask *task = cg_session_get_task (session, i);
      CgInvolvement inv = cg_session_get_involvement (session, partner, task->id);
      guint believed = cg_session_get_believed_accountable (session, partner, task->id);
      xmlNode *node;

      if (inv == CG_INVOLVEMENT_UNSET && believed == 0)
        continue;
      node = add_element (answers, "role");
      set_id_attr (node, "partner", 'p', partner);
      set_id_attr (node, "task", 't', task->id);
      if (inv != CG_INVOLVEMENT_UNSET)
        set_attr (node, "involvement",
                  inv == CG_INVOLVEMENT_NONE ? "none" : cg_involvement_to_letter (inv));
      if (believed != 0)
        set_id_attr (node, "believes-accountable", 'p', believed);
    }
}

/* Per partner, in partner order: ratings (statements lesson by lesson,
 * then aims, each in list order), comments by lesson, then roles in task
 * order. */
static void
write_answers (CgSession *session,
               xmlNode   *root)
{
  xmlNode *answers = add_element (root, "answers");

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      guint partner = cg_session_get_partner (session, i)->id;

      for (guint l = 0; l < CG_N_LESSONS; l++)
        for (guint s = 0; s < cg_session_get_n_statements (session, l); s++)
          write_ratings (session, answers, partner, cg_session_get_statement (session, l, s));
      for (guint a = 0; a < cg_session_get_n_aims (session); a++)
        write_ratings (session, answers, partner, cg_session_get_aim (session, a));
      for (guint l = 0; l < CG_N_LESSONS; l++)
        {
          const char *comment = cg_session_get_comment (session, partner, l);
          char number[4];
          xmlNode *node;

          if (comment[0] == '\0')
            continue;
          g_snprintf (number, sizeof number, "%u", l + 1);
          node = add_text (answers, "comment", comment);
          set_id_attr (node, "partner", 'p', partner);
          set_attr (node, "lesson", number);
        }
      write_roles (session, answers, partner);
    }
}

static void
write_charter (CgSession *session,
               xmlNode   *root)
{
  xmlNode *charter = add_element (root, "charter");

  /* Present, even empty, is the facilitator's own text; absent is "not
   * written yet". */
  for (guint i = 0; i < CG_N_CHARTER_FIELDS; i++)
    {
      const char *text = cg_session_get_charter_field (session, (CgCharterField) i);

      if (text != NULL)
        add_text_ns (charter, i == CG_CHARTER_WORK_ON ? ns_1_1 (charter) : NULL, charter_names[i],
                     text);
    }
}

xmlDoc *
cg_xml_write_doc (CgSession *session)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, (const xmlChar *) "session", NULL);
  const char *const *roles = cg_session_get_role_suggestions (session);
  char version[32];

  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, xmlNewNs (root, (const xmlChar *) CG_SESSION_XML_NS, NULL));
  g_snprintf (version, sizeof version, "%d.%d", CG_SESSION_XML_FORMAT_MAJOR,
              CG_SESSION_XML_FORMAT_MINOR);
  set_attr (root, "format-version", version);
  g_snprintf (version, sizeof version, "%u", cg_session_get_next_id (session));
  set_attr (root, "next-id", version);

  write_details (session, root);
  write_baseline (session, root);
  write_options (session, root);
  if (roles != NULL && roles[0] != NULL)
    write_strv (add_element (root, "role-suggestions"), "role", roles);
  write_partners (session, root);
  write_lessons (session, root);
  write_aims_and_tasks (session, root);
  write_answers (session, root);
  write_charter (session, root);
  return doc;
}

GBytes *
cg_session_xml_save_bytes (CgSession *session,
                           GError   **error)
{
  xmlDoc *doc;
  xmlChar *text = NULL;
  int length = 0;
  CgXmlForeign *foreign;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = cg_xml_write_doc (session);
  foreign = cg_xml_session_get_foreign (session);
  if (foreign != NULL)
    cg_xml_foreign_attach (foreign, doc);
  xmlDocDumpFormatMemoryEnc (doc, &text, &length, "UTF-8", 1);
  xmlFreeDoc (doc);
  if (text == NULL || length <= 0)
    {
      xmlFree (text);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The session could not be written out (out of memory?)"));
      return NULL;
    }
  return g_bytes_new_with_free_func (text, (gsize) length, xmlFree, text);
}
