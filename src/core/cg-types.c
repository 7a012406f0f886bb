/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-types"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-types.h"

static const GEnumValue change_kind_values[] = {
  { CG_CHANGE_DETAIL, "CG_CHANGE_DETAIL", "detail" },
  { CG_CHANGE_OPTIONS, "CG_CHANGE_OPTIONS", "options" },
  { CG_CHANGE_PARTNER_ADDED, "CG_CHANGE_PARTNER_ADDED", "partner-added" },
  { CG_CHANGE_PARTNER_REMOVED, "CG_CHANGE_PARTNER_REMOVED", "partner-removed" },
  { CG_CHANGE_PARTNER, "CG_CHANGE_PARTNER", "partner" },
  { CG_CHANGE_PARTNERS_MOVED, "CG_CHANGE_PARTNERS_MOVED", "partners-moved" },
  { CG_CHANGE_ITEM_ADDED, "CG_CHANGE_ITEM_ADDED", "item-added" },
  { CG_CHANGE_ITEM_REMOVED, "CG_CHANGE_ITEM_REMOVED", "item-removed" },
  { CG_CHANGE_ITEM, "CG_CHANGE_ITEM", "item" },
  { CG_CHANGE_ITEMS_MOVED, "CG_CHANGE_ITEMS_MOVED", "items-moved" },
  { CG_CHANGE_TASK_ADDED, "CG_CHANGE_TASK_ADDED", "task-added" },
  { CG_CHANGE_TASK_REMOVED, "CG_CHANGE_TASK_REMOVED", "task-removed" },
  { CG_CHANGE_TASK, "CG_CHANGE_TASK", "task" },
  { CG_CHANGE_TASKS_MOVED, "CG_CHANGE_TASKS_MOVED", "tasks-moved" },
  { CG_CHANGE_RATING, "CG_CHANGE_RATING", "rating" },
  { CG_CHANGE_COMMENT, "CG_CHANGE_COMMENT", "comment" },
  { CG_CHANGE_INVOLVEMENT, "CG_CHANGE_INVOLVEMENT", "involvement" },
  { CG_CHANGE_LESSON, "CG_CHANGE_LESSON", "lesson" },
  { CG_CHANGE_CHARTER, "CG_CHANGE_CHARTER", "charter" },
  { CG_CHANGE_ROLE_SUGGESTIONS, "CG_CHANGE_ROLE_SUGGESTIONS", "role-suggestions" },
  { CG_CHANGE_ALL, "CG_CHANGE_ALL", "all" },
  { 0, NULL, NULL },
};

GType
cg_change_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("CgChangeKind", change_kind_values));
  return type_id;
}

const char *
cg_change_kind_to_detail (CgChangeKind kind)
{
  g_return_val_if_fail (kind <= CG_CHANGE_ALL, NULL);
  return change_kind_values[kind].value_nick;
}

static const char *const stage_names[CG_N_STAGES] = {
  "session",  "partners", "lesson-1", "lesson-2", "lesson-3", "lesson-4",
  "lesson-5", "aims",     "roles",    "review",   "charter",
};

const char *
cg_stage_to_string (CgStage stage)
{
  g_return_val_if_fail (stage < CG_N_STAGES, NULL);
  return stage_names[stage];
}

gboolean
cg_stage_from_string (const char *s,
                      CgStage    *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; s != NULL && i < CG_N_STAGES; i++)
    if (strcmp (s, stage_names[i]) == 0)
      {
        *out = (CgStage) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cg_lesson_get_title (guint lesson)
{
  static const char *const titles[CG_N_LESSONS] = {
    N_("Purpose and Leadership"),    N_("Outcomes and Customer Focus"),
    N_("Culture and Communication"), N_("Managing for Performance"),
    N_("Learning and Innovation"),
  };

  g_return_val_if_fail (lesson < CG_N_LESSONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, titles[lesson]);
}

const char *
cg_stage_get_title (CgStage stage)
{
  g_return_val_if_fail (stage < CG_N_STAGES, NULL);

  if (CG_STAGE_IS_LESSON (stage))
    return cg_lesson_get_title (CG_LESSON_FOR_STAGE (stage));
  switch (stage)
    {
    case CG_STAGE_SESSION: return g_dgettext (GETTEXT_PACKAGE, "Session");
    case CG_STAGE_PARTNERS: return g_dgettext (GETTEXT_PACKAGE, "Partners");
    case CG_STAGE_AIMS: return g_dgettext (GETTEXT_PACKAGE, "Aims");
    case CG_STAGE_ROLES: return g_dgettext (GETTEXT_PACKAGE, "Role Clarity");
    case CG_STAGE_REVIEW: return g_dgettext (GETTEXT_PACKAGE, "Review");
    case CG_STAGE_CHARTER: return g_dgettext (GETTEXT_PACKAGE, "Charter");
    default: g_return_val_if_reached (NULL);
    }
}

/* Marked for translation where they are used above; listed here so that
 * xgettext sees the literal strings. */
G_GNUC_UNUSED static const char *const stage_title_strings[] = {
  N_("Session"), N_("Partners"), N_("Aims"), N_("Role Clarity"), N_("Review"), N_("Charter"),
};

const char *
cg_rating_to_label (CgRating rating)
{
  switch (rating)
    {
    case CG_RATING_NONE: return g_dgettext (GETTEXT_PACKAGE, "No answer");
    case CG_RATING_1: return g_dgettext (GETTEXT_PACKAGE, "Strongly disagree (1)");
    case CG_RATING_2: return g_dgettext (GETTEXT_PACKAGE, "Disagree (2)");
    case CG_RATING_3: return g_dgettext (GETTEXT_PACKAGE, "Neither agree nor disagree (3)");
    case CG_RATING_4: return g_dgettext (GETTEXT_PACKAGE, "Agree (4)");
    case CG_RATING_5: return g_dgettext (GETTEXT_PACKAGE, "Strongly agree (5)");
    case CG_RATING_DONT_KNOW: return g_dgettext (GETTEXT_PACKAGE, "Don’t know");
    default: g_return_val_if_reached (NULL);
    }
}

G_GNUC_UNUSED static const char *const rating_label_strings[] = {
  N_("No answer"),    N_("Strongly disagree (1)"),
  N_("Disagree (2)"), N_("Neither agree nor disagree (3)"),
  N_("Agree (4)"),    N_("Strongly agree (5)"),
  N_("Don’t know"),
};

const char *
cg_rating_to_string (CgRating rating)
{
  static const char *const names[] = { "", "1", "2", "3", "4", "5", "dont-know" };

  g_return_val_if_fail (rating <= CG_RATING_DONT_KNOW, NULL);
  return names[rating];
}

gboolean
cg_rating_from_string (const char *s,
                       CgRating   *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (s == NULL)
    return FALSE;
  if (strcmp (s, "dont-know") == 0)
    {
      *out = CG_RATING_DONT_KNOW;
      return TRUE;
    }
  if (s[0] >= '1' && s[0] <= '5' && s[1] == '\0')
    {
      *out = (CgRating) (s[0] - '0');
      return TRUE;
    }
  return FALSE;
}

gboolean
cg_name_word_is_title (const char *word)
{
  /* TRANSLATORS: honorifics skipped when a partner's name is shortened to one
   * word in a narrow grid cell, separated by "|"; keep the English ones too. */
  g_auto (GStrv) titles = g_strsplit (
    _("Dr|Dr.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Mx|Prof|Prof.|Cllr|Rev|Revd|Sir|Dame"), "|", -1);

  g_return_val_if_fail (word != NULL, FALSE);
  for (guint i = 0; titles[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, titles[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
cg_involvement_to_letter (CgInvolvement inv)
{
  static const char *const letters[] = { "", "-", "R", "A", "C", "I" };

  g_return_val_if_fail (inv <= CG_INVOLVEMENT_INFORMED, NULL);
  return letters[inv];
}

const char *
cg_involvement_to_label (CgInvolvement inv)
{
  switch (inv)
    {
    case CG_INVOLVEMENT_UNSET: return g_dgettext (GETTEXT_PACKAGE, "No answer");
    case CG_INVOLVEMENT_NONE: return g_dgettext (GETTEXT_PACKAGE, "Not involved");
    case CG_INVOLVEMENT_RESPONSIBLE: return g_dgettext (GETTEXT_PACKAGE, "Responsible");
    case CG_INVOLVEMENT_ACCOUNTABLE: return g_dgettext (GETTEXT_PACKAGE, "Accountable");
    case CG_INVOLVEMENT_CONSULTED: return g_dgettext (GETTEXT_PACKAGE, "Consulted");
    case CG_INVOLVEMENT_INFORMED: return g_dgettext (GETTEXT_PACKAGE, "Informed");
    default: g_return_val_if_reached (NULL);
    }
}

G_GNUC_UNUSED static const char *const involvement_label_strings[] = {
  N_("Not involved"), N_("Responsible"), N_("Accountable"), N_("Consulted"), N_("Informed"),
};

gboolean
cg_involvement_from_letter (const char    *s,
                            CgInvolvement *out)
{
  static const struct
  {
    const char *name;
    CgInvolvement inv;
  } names[] = {
    { "R", CG_INVOLVEMENT_RESPONSIBLE }, { "A", CG_INVOLVEMENT_ACCOUNTABLE },
    { "C", CG_INVOLVEMENT_CONSULTED },   { "I", CG_INVOLVEMENT_INFORMED },
    { "none", CG_INVOLVEMENT_NONE },     { "-", CG_INVOLVEMENT_NONE },
  };

  g_return_val_if_fail (out != NULL, FALSE);
  for (gsize i = 0; s != NULL && i < G_N_ELEMENTS (names); i++)
    if (strcmp (s, names[i].name) == 0)
      {
        *out = names[i].inv;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

char *
cg_text_clean (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Baselines ------------------------------------------------------------------ */

CgBaseline *
cg_baseline_new (const char *title,
                 const char *date,
                 const char *file_name,
                 const char *sha256)
{
  CgBaseline *b = g_new0 (CgBaseline, 1);

  b->title = cg_text_clean (title);
  b->date = cg_text_clean (date);
  b->file_name = cg_text_clean (file_name);
  b->sha256 = g_ascii_strdown (sha256 != NULL ? sha256 : "", -1);
  return b;
}

CgBaseline *
cg_baseline_copy (const CgBaseline *baseline)
{
  if (baseline == NULL)
    return NULL;
  return cg_baseline_new (baseline->title, baseline->date, baseline->file_name, baseline->sha256);
}

void
cg_baseline_free (CgBaseline *baseline)
{
  if (baseline == NULL)
    return;
  g_free (baseline->title);
  g_free (baseline->date);
  g_free (baseline->file_name);
  g_free (baseline->sha256);
  g_free (baseline);
}

gboolean
cg_baseline_equal (const CgBaseline *a,
                   const CgBaseline *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->file_name, b->file_name) == 0 && g_strcmp0 (a->sha256, b->sha256) == 0;
}

char *
cg_sha256_hex (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}
