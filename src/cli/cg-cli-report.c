/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-report.c: common-ground --report FILE [--format=text|csv|json]
 * and common-ground --export-csv OUT.csv FILE.
 *
 * The report is the whole analysis the Review stage shows, for people
 * (text) or for other programs (CSV, JSON). Output is UTF-8 whatever the
 * locale, so files written from it are the same everywhere; numbers in the
 * text follow the locale, since people read them. The report ignores the
 * answers-hidden option: whoever holds the file can read the answers anyway.
 */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cg-cli.h"
#include "cg-cli-format.h"
#include "cg-cli-report.h"
#include "cg-session-xml.h"

/* Text layout ------------------------------------------------------------ */

typedef struct
{
  CgSession *session;
  GString *out;
  int label_width; /* widest translated label, in characters */
} TextReport;

static void
append_padded (GString    *out,
               const char *text,
               int         width)
{
  g_string_append (out, text);
  for (long n = g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (out, ' ');
}

/* Multi-line text (comments, statements pasted from elsewhere) keeps its
 * line breaks but continues under its own first line. */
static void
append_indented (GString    *out,
                 const char *text,
                 int         indent)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_string_append_printf (out, "\n%*s", indent, "");
        }
      else
        g_string_append_c (out, *p);
    }
}

/* "      Label:      value\n", labels aligned in one column. */
static void
text_row (TextReport *r,
          const char *label,
          const char *value)
{
  g_string_append (r->out, "      ");
  append_padded (r->out, label, r->label_width + 2);
  g_string_append_printf (r->out, "%s\n", value);
}

static void
text_heading (TextReport *r,
              const char *title)
{
  g_string_append_printf (r->out, "\n%s\n", title);
  for (long n = g_utf8_strlen (title, -1); n > 0; n--)
    g_string_append_c (r->out, '-');
  g_string_append_c (r->out, '\n');
}

/* People read these: the locale's decimal mark, a dash for no value. */
static char *
text_number (double value,
             int    decimals)
{
  if (!isfinite (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.*f", decimals, value);
}

static const char *
text_labels (guint i)
{
  const char *labels[] = {
    _("Level:"),     _("Direction:"),   _("Answers:"),     _("Mean:"),       _("SD:"),
    _("Consensus:"), _("Dissenters:"),  _("Aim agreed:"),  _("Groups:"),     _("Group gap:"),
    _("Flags:"),     _("Accountable:"), _("Responsible:"), _("Most named:"), _("Answered:"),
  };

  return i < G_N_ELEMENTS (labels) ? labels[i] : NULL;
}

static void
text_item_spread (TextReport        *r,
                  const CgItemStats *st)
{
  g_autofree char *mean = text_number (st->mean, 2);
  g_autofree char *median = text_number (st->median, 2);
  g_autofree char *sd = text_number (st->sd, 2);
  g_autofree char *iqr = text_number (st->iqr, 2);
  g_autofree char *q1 = text_number (st->q1, 2);
  g_autofree char *q3 = text_number (st->q3, 2);
  g_autofree char *cns = text_number (st->consensus, 2);
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;

  /* TRANSLATORS: mean, then median, minimum and maximum of the answers */
  line1 =
    g_strdup_printf (_("%s   Median: %s   Min: %.0f   Max: %.0f"), mean, median, st->min, st->max);
  /* TRANSLATORS: standard deviation, then interquartile range and quartiles */
  line2 = g_strdup_printf (_("%s   IQR: %s (Q1 %s, Q3 %s)"), sd, iqr, q1, q3);
  text_row (r, _("Mean:"), line1);
  text_row (r, _("SD:"), line2);
  text_row (r, _("Consensus:"), cns);
}

/* "Health 4.50 (2), Council 1.50 (2), Charity 3.00 (1, one partner)" and
 * the gap; nothing when no partner has a group. */
static void
text_groups (TextReport         *r,
             const CgGroupStats *st)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *gap = NULL;

  for (guint i = 0; i < st->groups->len; i++)
    {
      const CgGroupMean *g = &g_array_index (st->groups, CgGroupMean, i);
      g_autofree char *mean = text_number (g->mean, 2);

      if (g->n == 0)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      if (g->n_partners == 1)
        /* TRANSLATORS: a group, its mean and its number of answers */
        g_string_append_printf (list, _("%s %s (%u, one partner)"), g->name, mean, g->n);
      else
        g_string_append_printf (list, _("%s %s (%u)"), g->name, mean, g->n);
    }
  if (list->len == 0)
    return;
  text_row (r, _("Groups:"), list->str);
  if (!st->has_gap)
    return;
  gap = text_number (st->gap, 2);
  {
    /* TRANSLATORS: the gap, the group with the higher mean, the lower one */
    g_autofree char *line = g_strdup_printf (
      st->flagged ? _("%s between %s and %s (flagged)") : _("%s between %s and %s"), gap,
      g_array_index (st->groups, CgGroupMean, st->high).name,
      g_array_index (st->groups, CgGroupMean, st->low).name);
    text_row (r, _("Group gap:"), line);
  }
}

static void
text_item (TextReport   *r,
           const CgItem *item)
{
  g_autoptr (CgItemStats) st = cg_analysis_item (r->session, item->id);
  g_autofree char *ref = cg_report_item_ref (r->session, item->id);
  g_autofree char *answers = NULL;

  g_string_append_printf (r->out, "\n  %s  ", ref);
  append_indented (r->out, item->text, 4 + strlen (ref));
  g_string_append_c (r->out, '\n');
  text_row (r, _("Level:"), cg_item_stats_label (st));
  if (st->direction != CG_DIRECTION_NONE)
    text_row (r, _("Direction:"), cg_direction_to_label (st->direction));
  answers =
    g_strdup_printf (_("%u (don’t know %u, no answer %u)%s"), st->n, st->n_dont_know,
                     st->n_missing, st->n > 0 && st->indicative ? _("; indicative only") : "");
  text_row (r, _("Answers:"), answers);
  if (item->kind == CG_ITEM_AIM)
    text_row (r, _("Aim agreed:"), item->agreed ? _("yes") : _("no"));
  if (st->n == 0)
    return;
  text_item_spread (r, st);
  if (st->dissenters->len > 0)
    {
      g_autofree char *names = cg_report_join_names (r->session, st->dissenters, ", ");
      text_row (r, _("Dissenters:"), names);
    }
  {
    g_autoptr (CgGroupStats) groups = cg_analysis_item_groups (r->session, item->id);

    text_groups (r, groups);
  }
}

static int
partner_name_width (CgSession  *session,
                    const char *extra)
{
  int width = g_utf8_strlen (extra, -1);

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    width = MAX (width, g_utf8_strlen (cg_session_get_partner (session, i)->name, -1));
  return width;
}

static void
text_name_value (TextReport *r,
                 const char *name,
                 int         width,
                 const char *value)
{
  g_string_append (r->out, "      ");
  append_padded (r->out, name, width + 2);
  g_string_append_printf (r->out, "%s\n", value);
}

static void
text_lesson_means (TextReport *r,
                   guint       lesson)
{
  g_autoptr (CgLessonStats) st = cg_analysis_lesson (r->session, lesson);
  int width = partner_name_width (r->session, _("Group"));
  g_autofree char *group = text_number (st->group_mean, 2);

  g_string_append_printf (r->out, "\n  %s\n", _("Partner means"));
  for (guint i = 0; i < st->partner_means->len; i++)
    {
      g_autofree char *mean = text_number (g_array_index (st->partner_means, double, i), 2);
      text_name_value (r, cg_session_get_partner (r->session, i)->name, width, mean);
    }
  text_name_value (r, _("Group"), width, group);
  {
    g_autoptr (CgGroupStats) groups = cg_analysis_lesson_groups (r->session, lesson);

    if (groups->groups->len > 0)
      {
        g_string_append_c (r->out, '\n');
        text_groups (r, groups);
      }
  }
}

static void
text_lesson (TextReport *r,
             guint       lesson)
{
  guint n = cg_session_get_n_statements (r->session, lesson);
  g_autofree char *title =
    g_strdup_printf (_("Lesson %u: %s"), lesson + 1, cg_lesson_get_title (lesson));

  text_heading (r, title);
  if (n == 0)
    {
      g_string_append_printf (r->out, "  %s\n", _("No statements."));
      return;
    }
  for (guint i = 0; i < n; i++)
    text_item (r, cg_session_get_statement (r->session, lesson, i));
  text_lesson_means (r, lesson);
}

static void
text_aims (TextReport *r)
{
  text_heading (r, _("Aims"));
  if (cg_session_get_n_aims (r->session) == 0)
    g_string_append_printf (r->out, "  %s\n", _("No aims."));
  for (guint i = 0; i < cg_session_get_n_aims (r->session); i++)
    text_item (r, cg_session_get_aim (r->session, i));
}

static void
text_task (TextReport   *r,
           const CgTask *task)
{
  g_autoptr (CgTaskStats) st = cg_analysis_task (r->session, task->id);
  g_auto (GStrv) flags = cg_report_task_flags (st, TRUE);
  g_autofree char *flag_text = g_strjoinv (", ", flags);
  g_autofree char *acc = cg_report_join_names (r->session, st->accountable, ", ");
  g_autofree char *resp = cg_report_join_names (r->session, st->responsible, ", ");
  g_autofree char *answered =
    g_strdup_printf (_("%u of %u"), st->n_answered, cg_session_get_n_partners (r->session));
  const CgPartner *named = cg_session_lookup_partner (r->session, st->most_named);
  g_autofree char *ref = cg_report_task_ref (task->id);

  g_string_append_printf (r->out, "\n  %s  ", ref);
  append_indented (r->out, task->text, 4 + strlen (ref));
  g_string_append_c (r->out, '\n');
  text_row (r, _("Flags:"), flags[0] != NULL ? flag_text : _("Clear"));
  text_row (r, _("Accountable:"), *acc != '\0' ? acc : _("nobody"));
  text_row (r, _("Responsible:"), *resp != '\0' ? resp : _("nobody"));
  text_row (r, _("Most named:"), named != NULL ? named->name : _("no single partner"));
  text_row (r, _("Answered:"), answered);
}

static void
text_roles (TextReport *r)
{
  guint n_partners = cg_session_get_n_partners (r->session);
  int width = partner_name_width (r->session, "");

  text_heading (r, _("Role clarity"));
  if (cg_session_get_n_tasks (r->session) == 0)
    {
      g_string_append_printf (r->out, "  %s\n", _("No tasks."));
      return;
    }
  for (guint i = 0; i < cg_session_get_n_tasks (r->session); i++)
    text_task (r, cg_session_get_task (r->session, i));
  g_string_append_printf (r->out, "\n  %s\n", _("Tasks led (claims Accountable)"));
  for (guint i = 0; i < n_partners; i++)
    {
      const CgPartner *p = cg_session_get_partner (r->session, i);
      g_autofree char *led = g_strdup_printf ("%u", cg_analysis_tasks_led (r->session, p->id));
      text_name_value (r, p->name, width, led);
    }
}

static void
text_talk_item (TextReport *r,
                guint       rank,
                guint       id)
{
  const CgItem *item = cg_session_lookup_item (r->session, id);
  g_autoptr (CgItemStats) st = cg_analysis_item (r->session, id);
  g_autofree char *ref = cg_report_item_ref (r->session, id);
  g_autofree char *cns = text_number (st->consensus, 2);

  g_string_append_printf (r->out, "  %2u. %s  ", rank, ref);
  append_indented (r->out, item->text, 8 + strlen (ref));
  g_string_append (r->out, " (");
  g_string_append_printf (r->out, _("%s, consensus %s"), cg_item_stats_label (st), cns);
  g_string_append (r->out, ")\n");
}

static void
text_talk_first (TextReport *r)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;
  g_autoptr (GArray) missing = cg_analysis_agreed_missing (r->session, 0);
  guint rank = 0;

  text_heading (r, _("Talk about these first"));
  cg_analysis_talk_first (r->session, 0, &items, &tasks);
  if (items->len == 0 && missing->len == 0 && tasks->len == 0)
    g_string_append_printf (
      r->out, "  %s\n",
      _("Nothing: no divergent items, nothing agreed missing and no unclear roles."));
  for (guint i = 0; i < items->len; i++)
    text_talk_item (r, ++rank, g_array_index (items, guint, i));
  /* Then what the room agrees is missing ("Agreed: not yet"). */
  for (guint i = 0; i < missing->len; i++)
    text_talk_item (r, ++rank, g_array_index (missing, guint, i));
  for (guint i = 0; i < tasks->len; i++)
    {
      guint id = g_array_index (tasks, guint, i);
      g_autoptr (CgTaskStats) st = cg_analysis_task (r->session, id);
      g_auto (GStrv) flags = cg_report_task_flags (st, TRUE);
      g_autofree char *flag_text = g_strjoinv (", ", flags);
      g_autofree char *ref = cg_report_task_ref (id);

      g_string_append_printf (r->out, "  %2u. %s  ", ++rank, ref);
      append_indented (r->out, cg_session_lookup_task (r->session, id)->text, 8 + strlen (ref));
      g_string_append_printf (r->out, " (%s)\n", flag_text);
    }
}

static void
text_details (TextReport *r)
{
  const char *title = cg_session_get_detail (r->session, CG_DETAIL_TITLE);
  const struct
  {
    CgDetail detail;
    const char *label;
  } details[] = {
    { CG_DETAIL_DATE, _("Date:") },
    { CG_DETAIL_FACILITATOR, _("Facilitator:") },
    { CG_DETAIL_SCENARIO, _("Scenario:") },
  };
  g_autofree char *heading = *title != '\0'
                               ? g_strdup_printf (_("Common Ground report: %s"), title)
                               : g_strdup (_("Common Ground report"));

  g_string_append_printf (r->out, "%s\n", heading);
  for (long n = g_utf8_strlen (heading, -1); n > 0; n--)
    g_string_append_c (r->out, '=');
  g_string_append_c (r->out, '\n');
  for (gsize i = 0; i < G_N_ELEMENTS (details); i++)
    {
      const char *value = cg_session_get_detail (r->session, details[i].detail);

      if (*value != '\0')
        {
          append_padded (r->out, details[i].label, r->label_width + 2);
          g_string_append_printf (r->out, "%s\n", value);
        }
    }
}

static void
text_partners (TextReport *r)
{
  text_heading (r, _("Partners"));
  for (guint i = 0; i < cg_session_get_n_partners (r->session); i++)
    {
      const CgPartner *p = cg_session_get_partner (r->session, i);
      g_autofree char *ref = cg_report_partner_ref (p->id);
      const char *sep = *p->organisation != '\0' && *p->role != '\0' ? ", " : "";

      g_string_append_printf (r->out, "  %s  %s", ref, p->name);
      if (*p->organisation != '\0' || *p->role != '\0')
        g_string_append_printf (r->out, " (%s%s%s)", p->organisation, sep, p->role);
      if (*p->group != '\0')
        /* TRANSLATORS: after a partner's name: the group it belongs to */
        g_string_append_printf (r->out, _(" · group: %s"), p->group);
      g_string_append_c (r->out, '\n');
    }
}

GString *
cg_report_text (CgSession *session)
{
  TextReport r = { session, g_string_new (NULL), 0 };

  for (guint i = 0; text_labels (i) != NULL; i++)
    r.label_width = MAX (r.label_width, g_utf8_strlen (text_labels (i), -1));
  text_details (&r);
  text_partners (&r);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    text_lesson (&r, l);
  text_aims (&r);
  text_roles (&r);
  text_talk_first (&r);
  return r.out;
}

/* The commands ----------------------------------------------------------- */

static CgSession *
load_session (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  CgSession *session = cg_session_xml_load_file (file, NULL, &error);

  if (session != NULL)
    return session;
  cg_cli_print_load_error (path, error);
  return NULL;
}

/* Takes "--opt=VALUE" or "--opt VALUE" from @argv at *i; NULL if absent. */
static const char *
option_value (int         argc,
              char      **argv,
              int        *i,
              const char *opt)
{
  gsize len = strlen (opt);

  if (strncmp (argv[*i], opt, len) != 0)
    return NULL;
  if (argv[*i][len] == '=')
    return argv[*i] + len + 1;
  if (argv[*i][len] == '\0' && *i + 1 < argc)
    return argv[++*i];
  return NULL;
}

static int
report_usage (void)
{
  g_printerr ("%s\n", _("Usage: common-ground --report FILE [--format=text|csv|json]"));
  return 2;
}

static GString *
report_in_format (CgSession  *session,
                  const char *format)
{
  if (g_str_equal (format, "csv"))
    return cg_report_csv (session);
  if (g_str_equal (format, "json"))
    return cg_report_json (session);
  return cg_report_text (session);
}

static int
write_or_complain (GString *out)
{
  g_autoptr (GError) error = NULL;

  if (cg_cli_write_stdout (out, &error))
    return 0;
  g_printerr ("%s\n", error->message);
  return 1;
}

int
cg_cli_report (int    argc,
               char **argv)
{
  const char *path = strchr (argv[0], '=') != NULL ? strchr (argv[0], '=') + 1 : NULL;
  const char *format = "text";
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GString) out = NULL;

  for (int i = 1; i < argc; i++)
    {
      const char *value = option_value (argc, argv, &i, "--format");

      if (value != NULL)
        format = value;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return report_usage ();
      else if (path == NULL)
        path = argv[i];
      else
        return report_usage ();
    }
  if (path == NULL || *path == '\0')
    return report_usage ();
  if (!g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    {
      g_printerr (_("Unknown report format “%s”: use text, csv or json.\n"), format);
      return 2;
    }
  session = load_session (path);
  if (session == NULL)
    return 1;
  out = report_in_format (session, format);
  return write_or_complain (out);
}

static int
export_usage (void)
{
  g_printerr ("%s\n", _("Usage: common-ground --export-csv OUT.csv FILE"));
  return 2;
}

int
cg_cli_export_csv (int    argc,
                   char **argv)
{
  const char *out_path = strchr (argv[0], '=') != NULL ? strchr (argv[0], '=') + 1 : NULL;
  const char *path = NULL;
  g_autoptr (CgSession) session = NULL;
  g_autoptr (GString) out = NULL;
  g_autoptr (GError) error = NULL;
  int i = 1;

  if (out_path == NULL && i < argc)
    out_path = argv[i++];
  if (i < argc)
    path = argv[i++];
  if (out_path == NULL || *out_path == '\0' || path == NULL || i != argc)
    return export_usage ();
  session = load_session (path);
  if (session == NULL)
    return 1;
  out = cg_export_answers_csv (session);
  if (g_str_equal (out_path, "-"))
    return write_or_complain (out);
  /* Written beside the target and renamed over it: a failure never leaves
   * a half-written file where an old export was. */
  if (!g_file_set_contents_full (out_path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &error))
    {
      g_printerr (_("Could not export to “%s”: %s\n"), out_path, error->message);
      return 1;
    }
  return 0;
}
