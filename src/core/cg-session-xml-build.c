/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-xml-build.c: from a parsed document to a session.
 *
 * This runs before the schema so that the problems a facilitator can fix
 * (a rating of 7, a partner that is not there) get a message in their
 * words; the schema then catches everything structural. So nothing here
 * may assume the document is valid: every element and attribute is looked
 * for, never taken for granted.
 */
#define G_LOG_DOMAIN "cg-session-xml"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-session-xml-private.h"

typedef struct
{
  CgSession *session;
  const char *name;
  GError **error;
  GHashTable *comments_seen; /* "partner:lesson" */
  GHashTable *roles_seen;    /* "partner:task" */
  guint largest_id;
  char *largest_id_text;
} Builder;

static const char *const detail_names[CG_N_DETAILS] = {
  "title", "date", "facilitator", "context", "scenario",
};

/* CG_CHARTER_WORK_ON is 1.1's, read from its namespace. */
static const char *const charter_names[CG_N_CHARTER_FIELDS] = {
  "title",       "purpose",  "ground-rules",     "measures",
  "review-date", "learning", "still-to-resolve", "work-on",
};

static gboolean G_GNUC_PRINTF (3, 4) fail (Builder *b, xmlNode *node, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  cg_xml_set_node_error (b->error, CG_SESSION_XML_ERROR_MEANING, b->name, node, "%s", message);
  return FALSE;
}

/* An element of the Common Ground namespace called @name. */
static gboolean
has_name (const xmlNode *node,
          const char    *name)
{
  return cg_xml_is_main (node) && strcmp ((const char *) node->name, name) == 0;
}

/* One of the 1.1 namespace. */
static gboolean
has_name_1_1 (const xmlNode *node,
              const char    *name)
{
  return cg_xml_is_1_1 (node) && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (has_name (c, name))
      return c;
  return NULL;
}

static xmlNode *
find_child_1_1 (xmlNode    *parent,
                const char *name)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (has_name_1_1 (c, name))
      return c;
  return NULL;
}

/* The attribute @name without a namespace, or NULL. */
static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* "p12" -> 12 for @prefix 'p'. Only what the writer writes: no sign, no
 * leading zero, no spaces; 1 to G_MAXUINT - 1. */
static gboolean
parse_id (const char *text,
          char        prefix,
          guint      *out)
{
  guint64 value = 0;

  if (text == NULL || text[0] != prefix || text[1] < '1' || text[1] > '9' ||
      strspn (text + 1, "0123456789") != strlen (text + 1) || strlen (text + 1) > 10)
    return FALSE;
  value = g_ascii_strtoull (text + 1, NULL, 10);
  if (value == 0 || value >= G_MAXUINT)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
require_id (Builder *b,
            xmlNode *node,
            char     prefix,
            guint   *out)
{
  g_autofree char *text = get_attr (node, "id");

  if (text == NULL)
    return fail (b, node, _("a %s has no id"), (const char *) node->name);
  if (!parse_id (text, prefix, out))
    return fail (b, node, _("the id “%s” of a %s should be “%c” and a number, like “%c1”"), text,
                 (const char *) node->name, prefix, prefix);
  if (cg_session_id_in_use (b->session, *out))
    return fail (b, node,
                 _("the id “%s” is used twice (the number of every id must be different)"), text);
  if (*out > b->largest_id)
    {
      b->largest_id = *out;
      g_free (b->largest_id_text);
      b->largest_id_text = g_strdup (text);
    }
  return TRUE;
}

/* Details, options, suggestions -------------------------------------------- */

static gboolean
build_details (Builder *b,
               xmlNode *details)
{
  for (guint i = 0; i < CG_N_DETAILS; i++)
    {
      xmlNode *node = find_child (details, detail_names[i]);
      g_autofree char *text = NULL;

      if (node == NULL)
        continue;
      text = get_text (node);
      cg_session_set_detail (b->session, (CgDetail) i, text);
    }
  return TRUE;
}

/* Only what the writer writes: 64 lowercase hex digits. */
static gboolean
is_sha256 (const char *text)
{
  return text != NULL && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

static gboolean
build_baseline (Builder *b,
                xmlNode *node)
{
  g_autofree char *sha256 = get_attr (node, "sha256");
  char *texts[3] = { NULL, NULL, NULL };
  static const char *const names[3] = { "title", "date", "file" };
  g_autoptr (CgBaseline) baseline = NULL;

  if (!is_sha256 (sha256))
    return fail (b, node, _("the baseline’s sha256 “%s” should be 64 hex digits (0-9, a-f)"),
                 sha256 != NULL ? sha256 : "");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      xmlNode *child = find_child_1_1 (node, names[i]);

      texts[i] = child != NULL ? get_text (child) : g_strdup ("");
    }
  baseline = cg_baseline_new (texts[0], texts[1], texts[2], sha256);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (texts[i]);
  cg_session_set_baseline (b->session, baseline);
  return TRUE;
}

static gboolean
parse_boolean (Builder    *b,
               xmlNode    *node,
               const char *attr,
               gboolean   *out)
{
  g_autofree char *text = get_attr (node, attr);

  if (text == NULL || strcmp (text, "false") == 0)
    *out = FALSE;
  else if (strcmp (text, "true") == 0)
    *out = TRUE;
  else
    return fail (b, node, _("%s=\"%s\" should be “true” or “false”"), attr, text);
  return TRUE;
}

static gboolean
parse_stage (Builder    *b,
             xmlNode    *node,
             const char *attr,
             CgStage    *out)
{
  g_autofree char *text = get_attr (node, attr);

  if (text == NULL && strcmp (attr, "current-stage") == 0)
    {
      *out = CG_STAGE_SESSION;
      return TRUE;
    }
  if (!cg_stage_from_string (text, out))
    return fail (b, node, _("“%s” is not a stage of the workshop"), text != NULL ? text : "");
  return TRUE;
}

static gboolean
build_options (Builder *b,
               xmlNode *options)
{
  gboolean hidden;
  CgStage stage;

  if (!parse_boolean (b, options, "answers-hidden", &hidden) ||
      !parse_stage (b, options, "current-stage", &stage))
    return FALSE;
  cg_session_set_answers_hidden (b->session, hidden);
  cg_session_set_current_stage (b->session, stage);
  for (xmlNode *c = options->children; c != NULL; c = c->next)
    {
      if (!has_name (c, "revealed"))
        continue;
      if (!parse_stage (b, c, "stage", &stage))
        return FALSE;
      cg_session_set_revealed (b->session, stage, TRUE);
    }
  return TRUE;
}

/* The texts of @parent's children called @name, in order. */
static char **
collect_texts (xmlNode    *parent,
               const char *name)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (has_name (c, name))
      g_ptr_array_add (texts, get_text (c));
  g_ptr_array_add (texts, NULL);
  return (char **) g_ptr_array_free (texts, FALSE);
}

/* Entities ------------------------------------------------------------------- */

static gboolean
build_partner (Builder *b,
               xmlNode *node)
{
  g_autofree char *colour = get_attr (node, "colour");
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *role = NULL;
  g_autofree char *group = NULL;
  xmlNode *child;
  guint id;

  if (!require_id (b, node, 'p', &id))
    return FALSE;
  if (colour != NULL && (strlen (colour) != 7 || colour[0] != '#' ||
                         strspn (colour + 1, "0123456789abcdefABCDEF") != 6))
    return fail (b, node, _("partner p%u has the colour “%s”; colours are written #rrggbb"), id,
                 colour);
  if ((child = find_child (node, "name")) == NULL)
    return fail (b, node, _("partner p%u has no name"), id);
  name = get_text (child);
  if ((child = find_child (node, "organisation")) != NULL)
    organisation = get_text (child);
  if ((child = find_child (node, "role")) != NULL)
    role = get_text (child);
  if ((child = find_child_1_1 (node, "group")) != NULL)
    group = get_text (child);
  if (!cg_session_insert_partner (b->session, id, name, organisation, role, colour))
    return fail (b, node, _("partner p%u could not be added"), id);
  if (group != NULL && group[0] != '\0')
    cg_session_set_partner_field (b->session, id, CG_PARTNER_GROUP, group);
  return TRUE;
}

static gboolean
build_lesson (Builder *b,
              xmlNode *lesson_node,
              guint    lesson)
{
  xmlNode *intro = find_child (lesson_node, "intro");
  g_auto (GStrv) prompts = collect_texts (lesson_node, "prompt");

  if (intro != NULL)
    {
      g_autofree char *text = get_text (intro);

      cg_session_set_lesson_intro (b->session, lesson, text);
    }
  cg_session_set_lesson_prompts (b->session, lesson, (const char *const *) prompts);
  for (xmlNode *c = lesson_node->children; c != NULL; c = c->next)
    {
      g_autofree char *text = NULL;
      guint id;

      if (!has_name (c, "statement"))
        continue;
      if (!require_id (b, c, 's', &id))
        return FALSE;
      text = get_text (c);
      cg_session_insert_statement (b->session, id, lesson, text);
    }
  return TRUE;
}

static gboolean
build_lessons (Builder *b,
               xmlNode *lessons)
{
  guint n = 0;

  for (xmlNode *c = lessons->children; c != NULL; c = c->next)
    {
      g_autofree char *number = NULL;
      g_autofree char *expected = NULL;

      if (!has_name (c, "lesson"))
        continue;
      number = get_attr (c, "number");
      expected = g_strdup_printf ("%u", n + 1);
      if (n == CG_N_LESSONS)
        return fail (b, c, _("there are more than five lessons"));
      if (g_strcmp0 (number, expected) != 0)
        return fail (b, c,
                     _("lesson number “%s” is out of place: lessons are numbered 1 to 5 in order"),
                     number != NULL ? number : "");
      if (!build_lesson (b, c, n++))
        return FALSE;
    }
  if (n != CG_N_LESSONS)
    return fail (b, lessons, _("there are %u lessons; a session has five"), n);
  return TRUE;
}

static gboolean
build_aims (Builder *b,
            xmlNode *aims)
{
  for (xmlNode *c = aims->children; c != NULL; c = c->next)
    {
      g_autofree char *text = NULL;
      gboolean agreed;
      guint id;

      if (!has_name (c, "aim"))
        continue;
      if (!require_id (b, c, 'a', &id) || !parse_boolean (b, c, "agreed", &agreed))
        return FALSE;
      text = get_text (c);
      cg_session_insert_aim (b->session, id, text, agreed);
    }
  return TRUE;
}

/* A reference to a partner: "p3" naming a partner of the session. */
static gboolean
lookup_partner (Builder    *b,
                xmlNode    *node,
                const char *attr,
                gboolean    required,
                guint      *out)
{
  g_autofree char *text = get_attr (node, attr);

  *out = 0;
  if (text == NULL && !required)
    return TRUE;
  if (text == NULL)
    return fail (b, node, _("a %s names no partner"), (const char *) node->name);
  if (!parse_id (text, 'p', out) || cg_session_lookup_partner (b->session, *out) == NULL)
    return has_name (node, "task")
             ? fail (b, node, _("a task names partner “%s”, which is not in the session"), text)
             : fail (b, node, _("answers name partner “%s”, which is not in the session"), text);
  return TRUE;
}

static gboolean
build_tasks (Builder *b,
             xmlNode *tasks)
{
  for (xmlNode *c = tasks->children; c != NULL; c = c->next)
    {
      g_autofree char *text = NULL;
      guint id, accountable;

      if (!has_name (c, "task"))
        continue;
      if (!require_id (b, c, 't', &id) ||
          !lookup_partner (b, c, "charter-accountable", FALSE, &accountable))
        return FALSE;
      text = get_text (c);
      cg_session_insert_task (b->session, id, text);
      if (accountable != 0)
        cg_session_set_task_charter_accountable (b->session, id, accountable);
    }
  return TRUE;
}

/* Answers ---------------------------------------------------------------------- */

static gboolean
lookup_item (Builder *b,
             xmlNode *node,
             guint   *out)
{
  g_autofree char *text = get_attr (node, "item");
  const CgItem *item = NULL;
  char prefix;

  if (text == NULL)
    return fail (b, node, _("a rating names no statement or aim"));
  prefix = text[0] == 'a' ? 'a' : 's';
  if (parse_id (text, prefix, out))
    item = cg_session_lookup_item (b->session, *out);
  if (item == NULL || (item->kind == CG_ITEM_AIM) != (prefix == 'a'))
    return fail (b, node, _("answers name the statement or aim “%s”, which is not in the session"),
                 text);
  return TRUE;
}

static gboolean
lookup_task (Builder *b,
             xmlNode *node,
             guint   *out)
{
  g_autofree char *text = get_attr (node, "task");

  if (text == NULL)
    return fail (b, node, _("a role answer names no task"));
  if (!parse_id (text, 't', out) || cg_session_lookup_task (b->session, *out) == NULL)
    return fail (b, node, _("answers name task “%s”, which is not in the session"), text);
  return TRUE;
}

static gboolean
build_rating (Builder *b,
              xmlNode *node)
{
  g_autofree char *value = get_attr (node, "value");
  guint partner, item;
  CgRating rating;

  if (!lookup_partner (b, node, "partner", TRUE, &partner) || !lookup_item (b, node, &item))
    return FALSE;
  if (!cg_rating_from_string (value, &rating))
    return fail (b, node, _("rating %s for partner p%u is out of range (1 to 5 or don’t know)"),
                 value != NULL ? value : _("(none)"), partner);
  if (cg_session_get_rating (b->session, partner, item) != CG_RATING_NONE)
    return fail (b, node, _("partner p%u rates %c%u twice"), partner,
                 cg_session_lookup_item (b->session, item)->kind == CG_ITEM_AIM ? 'a' : 's', item);
  cg_session_set_rating (b->session, partner, item, rating);
  return TRUE;
}

static gboolean
build_comment (Builder *b,
               xmlNode *node)
{
  g_autofree char *lesson = get_attr (node, "lesson");
  g_autofree char *text = NULL;
  char *key;
  guint partner;

  if (!lookup_partner (b, node, "partner", TRUE, &partner))
    return FALSE;
  if (lesson == NULL || lesson[0] < '1' || lesson[0] > '5' || lesson[1] != '\0')
    return fail (b, node, _("a comment is on lesson “%s”; lessons are numbered 1 to 5"),
                 lesson != NULL ? lesson : "");
  key = g_strdup_printf ("%u:%s", partner, lesson);
  if (!g_hash_table_add (b->comments_seen, key))
    return fail (b, node, _("partner p%u has two comments on lesson %s"), partner, lesson);
  text = get_text (node);
  cg_session_set_comment (b->session, partner, (guint) (lesson[0] - '1'), text);
  return TRUE;
}

static gboolean
build_role (Builder *b,
            xmlNode *node)
{
  g_autofree char *letter = get_attr (node, "involvement");
  CgInvolvement inv = CG_INVOLVEMENT_UNSET;
  guint partner, task, believed;
  char *key;

  if (!lookup_partner (b, node, "partner", TRUE, &partner) || !lookup_task (b, node, &task) ||
      !lookup_partner (b, node, "believes-accountable", FALSE, &believed))
    return FALSE;
  if (letter != NULL && (strcmp (letter, "-") == 0 || !cg_involvement_from_letter (letter, &inv)))
    return fail (b, node, _("involvement “%s” for partner p%u should be R, A, C, I or none"),
                 letter, partner);
  key = g_strdup_printf ("%u:%u", partner, task);
  if (!g_hash_table_add (b->roles_seen, key))
    return fail (b, node, _("partner p%u answers about task t%u twice"), partner, task);
  cg_session_set_involvement (b->session, partner, task, inv);
  cg_session_set_believed_accountable (b->session, partner, task, believed);
  return TRUE;
}

static gboolean
build_answers (Builder *b,
               xmlNode *answers)
{
  for (xmlNode *c = answers->children; c != NULL; c = c->next)
    {
      if (has_name (c, "rating") && !build_rating (b, c))
        return FALSE;
      if (has_name (c, "comment") && !build_comment (b, c))
        return FALSE;
      if (has_name (c, "role") && !build_role (b, c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
build_charter (Builder *b,
               xmlNode *charter)
{
  for (guint i = 0; i < CG_N_CHARTER_FIELDS; i++)
    {
      xmlNode *node = i == CG_CHARTER_WORK_ON ? find_child_1_1 (charter, charter_names[i])
                                              : find_child (charter, charter_names[i]);
      g_autofree char *text = NULL;

      if (node == NULL)
        continue;
      text = get_text (node);
      cg_session_set_charter_field (b->session, (CgCharterField) i, text);
    }
  return TRUE;
}

/* Structure --------------------------------------------------------------------- */

/* Which of our elements may sit in which: libxml2's RELAX NG messages for
 * a misplaced element inside an interleave point at the wrong line, so
 * this one mistake gets our own message first. Per parent (of the 1.1
 * namespace or not), its children of the Common Ground namespace, then
 * those of the 1.1 namespace. */
static const struct
{
  gboolean parent_1_1;
  const char *parent;
  const char *children;
  const char *children_1_1;
} allowed_children[] = {
  { FALSE, "session",
    " template details options role-suggestions partners lessons aims tasks answers charter ",
    " baseline " },
  { TRUE, "baseline", "", " title date file " },
  { FALSE, "template", " name description ", "" },
  { FALSE, "details", " title date facilitator context scenario ", "" },
  { FALSE, "options", " revealed ", "" },
  { FALSE, "role-suggestions", " role ", "" },
  { FALSE, "partners", " partner ", "" },
  { FALSE, "partner", " name organisation role ", " group " },
  { FALSE, "lessons", " lesson ", "" },
  { FALSE, "lesson", " intro prompt statement ", "" },
  { FALSE, "aims", " aim ", "" },
  { FALSE, "tasks", " task ", "" },
  { FALSE, "answers", " rating comment role ", "" },
  { FALSE, "charter", " title purpose ground-rules measures review-date learning still-to-resolve ",
    " work-on " },
};

/* The children of @parent it may hold in the Common Ground namespace or
 * (@child_1_1) the 1.1 namespace; NULL when @parent holds text only. */
static const char *
allowed_for (const xmlNode *parent,
             gboolean       child_1_1)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_children); i++)
    if (allowed_children[i].parent_1_1 == cg_xml_is_1_1 (parent) &&
        strcmp ((const char *) parent->name, allowed_children[i].parent) == 0)
      return child_1_1 ? allowed_children[i].children_1_1 : allowed_children[i].children;
  return NULL; /* text only */
}

/* @name is a word of @list (" a b c "). Called for every element and
 * attribute of a file, so it allocates nothing. */
static gboolean
in_list (const char    *list,
         const xmlChar *name)
{
  const char *word = (const char *) name;
  size_t len = strlen (word);

  if (list == NULL || len == 0)
    return FALSE;
  for (const char *p = strstr (list, word); p != NULL; p = strstr (p + 1, word))
    if (p > list && p[-1] == ' ' && p[len] == ' ')
      return TRUE;
  return FALSE;
}

/* Unqualified attributes each element of ours may carry. */
static const char *
attributes_for (const xmlNode *node)
{
  static const struct
  {
    const char *element;
    const char *attrs;
  } table[] = {
    { "session", " format-version next-id " },
    { "template", " id " },
    { "options", " answers-hidden current-stage " },
    { "revealed", " stage " },
    { "partner", " id colour " },
    { "lesson", " number " },
    { "statement", " id " },
    { "aim", " id agreed " },
    { "task", " id charter-accountable " },
    { "rating", " partner item value " },
    { "comment", " partner lesson " },
  };

  if (cg_xml_is_1_1 (node))
    return has_name_1_1 (node, "baseline") ? " sha256 " : "";
  if (strcmp ((const char *) node->name, "role") == 0 && has_name (node->parent, "answers"))
    return " partner task involvement believes-accountable ";
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (strcmp ((const char *) node->name, table[i].element) == 0)
      return table[i].attrs;
  return "";
}

static gboolean
check_attributes (Builder *b,
                  xmlNode *node)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns == NULL && !in_list (attributes_for (node), a->name))
      return fail (b, node, _("“%s” has an attribute “%s”, which Common Ground does not know"),
                   (const char *) node->name, (const char *) a->name);
  return TRUE;
}

static gboolean
is_blank (const xmlNode *text)
{
  for (const xmlChar *p = text->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Lists may repeat their children; elsewhere each child is one of a kind. */
static gboolean
may_repeat (const xmlNode *parent,
            const xmlNode *child)
{
  if (cg_xml_is_1_1 (parent) || cg_xml_is_1_1 (child))
    return FALSE;
  return in_list (" options role-suggestions partners lessons aims tasks answers ", parent->name) ||
         in_list (" prompt statement ", child->name);
}

/* Lists are answered first: scanning the earlier siblings of each of a
 * list's children made loading quadratic (minutes for 200k answers). */
static gboolean
check_repeats (Builder *b,
               xmlNode *node,
               xmlNode *child)
{
  if (may_repeat (node, child))
    return TRUE;
  for (xmlNode *c = node->children; c != child; c = c->next)
    if (cg_xml_is_ours (c) && cg_xml_is_1_1 (c) == cg_xml_is_1_1 (child) &&
        xmlStrEqual (c->name, child->name))
      return fail (b, child, _("there are two “%s” elements inside “%s”"),
                   (const char *) child->name, (const char *) node->name);
  return TRUE;
}

/* Format 1.1's elements were, before it was released, written in the
 * Common Ground namespace; a 1.0 reader refuses them there, so they never
 * were part of the format and are not read there now. */
static gboolean
misplaced (Builder *b,
           xmlNode *node,
           xmlNode *child)
{
  if (!cg_xml_is_1_1 (child) && in_list (allowed_for (node, TRUE), child->name))
    return fail (
      b, child,
      _(
        "“%s” inside “%s” belongs to the namespace of format 1.1 (%s), not to the Common Ground namespace"),
      (const char *) child->name, (const char *) node->name, CG_SESSION_XML_NS_1_1);
  return fail (b, child, _("“%s” does not belong inside “%s”"), (const char *) child->name,
               (const char *) node->name);
}

static gboolean
check_structure (Builder *b,
                 xmlNode *node)
{
  /* Once per element, not per child: <answers> can have 200,000. */
  const char *allowed = allowed_for (node, FALSE);
  const char *allowed_1_1 = allowed_for (node, TRUE);

  if (!check_attributes (b, node))
    return FALSE;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (allowed != NULL && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
          !is_blank (c))
        return fail (b, c->prev != NULL ? c : node,
                     _("there is text directly inside “%s”, where only elements belong"),
                     (const char *) node->name);
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (c->ns == NULL)
        return fail (
          b, c,
          _(
            "the element “%s” has no namespace; Common Ground files put every element in a namespace"),
          (const char *) c->name);
      if (!cg_xml_is_ours (c))
        continue;
      if (!in_list (cg_xml_is_1_1 (c) ? allowed_1_1 : allowed, c->name))
        return misplaced (b, node, c);
      if (!check_repeats (b, node, c) || !check_structure (b, c))
        return FALSE;
    }
  return TRUE;
}

/* The session ------------------------------------------------------------------ */

static gboolean
build_parts (Builder *b,
             xmlNode *root)
{
  xmlNode *node;

  if ((node = find_child (root, "details")) != NULL && !build_details (b, node))
    return FALSE;
  if ((node = find_child_1_1 (root, "baseline")) != NULL && !build_baseline (b, node))
    return FALSE;
  if ((node = find_child (root, "options")) != NULL && !build_options (b, node))
    return FALSE;
  if ((node = find_child (root, "role-suggestions")) != NULL)
    {
      g_auto (GStrv) roles = collect_texts (node, "role");

      cg_session_set_role_suggestions (b->session, (const char *const *) roles);
    }
  if ((node = find_child (root, "partners")) != NULL)
    for (xmlNode *c = node->children; c != NULL; c = c->next)
      if (has_name (c, "partner") && !build_partner (b, c))
        return FALSE;
  if ((node = find_child (root, "lessons")) == NULL)
    return fail (b, root, _("the session has no lessons"));
  if (!build_lessons (b, node))
    return FALSE;
  if ((node = find_child (root, "aims")) != NULL && !build_aims (b, node))
    return FALSE;
  if ((node = find_child (root, "tasks")) != NULL && !build_tasks (b, node))
    return FALSE;
  if ((node = find_child (root, "answers")) != NULL && !build_answers (b, node))
    return FALSE;
  if ((node = find_child (root, "charter")) != NULL && !build_charter (b, node))
    return FALSE;
  return TRUE;
}

static gboolean
build_next_id (Builder *b,
               xmlNode *root)
{
  g_autofree char *text = get_attr (root, "next-id");
  g_autofree char *as_id = g_strconcat ("n", text, NULL);
  guint next_id;

  if (text == NULL || !parse_id (as_id, 'n', &next_id))
    return fail (b, root, _("next-id “%s” should be a positive number"), text != NULL ? text : "");
  if (next_id <= b->largest_id)
    return fail (b, root, _("next-id is %u, but the id “%s” is not smaller than that"), next_id,
                 b->largest_id_text);
  cg_session_bump_next_id (b->session, next_id);
  return TRUE;
}

CgSession *
cg_xml_build_session (xmlDoc     *doc,
                      const char *display_name,
                      GError    **error)
{
  g_autoptr (CgSession) session = cg_session_new ();
  xmlNode *root = xmlDocGetRootElement (doc);
  Builder b = { 0 };
  gboolean ok;

  b.session = session;
  b.name = display_name;
  b.error = error;
  b.comments_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.roles_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cg_session_set_recording (session, FALSE);
  ok = check_structure (&b, root) && build_parts (&b, root) && build_next_id (&b, root);
  cg_session_clear_history (session);
  cg_session_set_unmodified (session);
  cg_session_set_recording (session, TRUE);

  g_hash_table_unref (b.comments_seen);
  g_hash_table_unref (b.roles_seen);
  g_free (b.largest_id_text);
  return ok ? g_steal_pointer (&session) : NULL;
}
