/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-role-matrix"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-role-matrix.h"

#define HEAD_SCALE 0.85
#define SMALL 0.8
#define CHIP_SCALE 0.9
#define HIDDEN_TEXT N_("Answers are hidden until you reveal them on that stage.")

typedef struct
{
  const char *word;
  CgLevel colour; /* which level colour the chip takes */
} Flag;

typedef struct
{
  CgSession *session;
  const CgChartStyle *style;
  guint first_task, n_tasks; /* the slice drawn */
  guint first_partner, n_partners;
  CgTaskStats **stats; /* per task of the slice */
  char **tags;
  gboolean visible;
} Input;

typedef struct
{
  double scale, px, pad;
  double task_w, flags_w, col_w, x_cols, x_flags;
  gboolean use_tags;
  double head_h, table_y;
  double *row_y; /* n_tasks + 1 entries: the top of each row, then the end */
  guint rows_shown;
  double leads_y, leads_h;
  double legend_y, legend_h, names_y, names_h;
  double height;
} Layout;

/* Position @p / @t within the slice, to the session's partner / task. */
static const CgPartner *
partner_at (const Input *in,
            guint        p)
{
  return cg_session_get_partner (in->session, in->first_partner + p);
}

static const CgTask *
task_at (const Input *in,
         guint        t)
{
  return cg_session_get_task (in->session, in->first_task + t);
}

static const char *
tag_at (const Input *in,
        guint        p)
{
  return in->tags[in->first_partner + p];
}

static guint
task_flags (const CgTaskStats *st,
            Flag               flags[4])
{
  guint n = 0;

  if (st->n_answered == 0)
    {
      flags[n++] = (Flag){ _("No answers"), CG_LEVEL_NOT_ENOUGH };
      return n;
    }
  if (st->gap)
    flags[n++] = (Flag){ _("Gap"), CG_LEVEL_DIVERGENT };
  if (st->overlap)
    flags[n++] = (Flag){ _("Overlap"), CG_LEVEL_DIVERGENT };
  if (st->no_doer)
    flags[n++] = (Flag){ _("No doer"), CG_LEVEL_PARTLY_AGREED };
  if (st->mismatch)
    flags[n++] = (Flag){ _("Mismatch"), CG_LEVEL_PARTLY_AGREED };
  if (n == 0)
    flags[n++] = (Flag){ _("Clear"), CG_LEVEL_AGREED };
  return n;
}

char *
cg_role_matrix_flags_text (const CgTaskStats *stats)
{
  Flag flags[4];
  guint n = task_flags (stats, flags);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", flags[i].word);
  return g_string_free (s, FALSE);
}

static double
text_size (cairo_t            *cr,
           const CgChartStyle *style,
           const char         *text,
           double              scale,
           gboolean            bold,
           double              max_width,
           int                 lines,
           double             *height)
{
  g_autoptr (PangoLayout) layout =
    cg_chart_style_layout (cr, style, text, scale, bold, max_width, lines);
  double w;

  cg_render_layout_size (layout, &w, height);
  return w;
}

/* Lays chips out left to right, wrapping; returns the height used. */
static double
chips_flow (cairo_t           *cr,
            const Input       *in,
            const Layout      *l,
            const CgTaskStats *st,
            double             x,
            double             y,
            double             width,
            gboolean           draw)
{
  Flag flags[4];
  guint n = task_flags (st, flags);
  double cx = x, cy = y, line_h = 0;

  for (guint i = 0; i < n; i++)
    {
      double w, h;

      cg_chart_draw_badge (cr, in->style, flags[i].word, NULL, l->scale * CHIP_SCALE, 0, 0, FALSE,
                           &w, &h);
      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += line_h + l->pad * 0.3;
        }
      if (draw)
        cg_chart_draw_badge (cr, in->style, flags[i].word,
                             cg_chart_style_level_colour (in->style, flags[i].colour),
                             l->scale * CHIP_SCALE, cx, cy, TRUE, NULL, NULL);
      line_h = MAX (line_h, h);
      cx += w + l->pad * 0.4;
    }
  return cy + line_h - y;
}

/* A column shows the partner's name, or its tag when some name would not
 * fit (the full names then follow the table). */
static const char *
column_text (const Input  *in,
             const Layout *l,
             guint         p,
             char        **owned)
{
  return l->use_tags ? tag_at (in, p) : partner_at (in, p)->name;
}

static void
layout_columns (cairo_t     *cr,
                const Input *in,
                double       width,
                Layout      *l)
{
  double widest_task = 0, widest_chip = 0, w;
  guint n = MAX (in->n_partners, 1);

  for (guint t = 0; t < in->n_tasks; t++)
    widest_task = MAX (
      widest_task, text_size (cr, in->style, task_at (in, t)->text, l->scale, FALSE, 0, 0, NULL));
  cg_chart_draw_badge (cr, in->style, _("No answers"), NULL, l->scale * CHIP_SCALE, 0, 0, FALSE,
                       &widest_chip, NULL);
  cg_chart_draw_badge (cr, in->style, _("Mismatch"), NULL, l->scale * CHIP_SCALE, 0, 0, FALSE, &w,
                       NULL);
  widest_chip = MAX (widest_chip, w);
  l->task_w = CLAMP (widest_task + l->pad, l->px * 8, width * 0.32);
  l->flags_w = MAX (widest_chip, width * 0.16) + l->pad;
  l->x_cols = l->pad + l->task_w;
  l->col_w = MAX (1.0, (width - 2 * l->pad - l->task_w - l->flags_w) / n);
  l->col_w = MIN (l->col_w, l->px * 9);
  l->x_flags = l->x_cols + l->col_w * in->n_partners + l->pad;
}

/* Whether a word of @name is wider than a column: the header would break
 * it mid-word ("Partn-er 29"), where the partner's tag reads better. */
static gboolean
has_unbreakable_word (cairo_t            *cr,
                      const CgChartStyle *style,
                      const char         *name,
                      double              scale,
                      double              width)
{
  g_auto (GStrv) words = g_strsplit_set (name, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && text_size (cr, style, words[i], scale, TRUE, 0, 0, NULL) > width)
      return TRUE;
  return FALSE;
}

static void
layout_head (cairo_t     *cr,
             const Input *in,
             Layout      *l)
{
  l->use_tags = FALSE;
  for (guint p = 0; p < in->n_partners && !l->use_tags; p++)
    {
      g_autoptr (PangoLayout) layout = cg_chart_style_layout (
        cr, in->style, partner_at (in, p)->name, l->scale * HEAD_SCALE, TRUE, l->col_w - 4, 3);

      l->use_tags = pango_layout_is_ellipsized (layout) ||
                    has_unbreakable_word (cr, in->style, partner_at (in, p)->name,
                                          l->scale * HEAD_SCALE, l->col_w - 4);
    }
  l->head_h = 0;
  for (guint p = 0; p < in->n_partners; p++)
    {
      g_autofree char *owned = NULL;
      double h;

      text_size (cr, in->style, column_text (in, l, p, &owned), l->scale * HEAD_SCALE, TRUE,
                 l->col_w - 4, 3, &h);
      l->head_h = MAX (l->head_h, h);
    }
  l->head_h += l->px * 0.5; /* the colour bar */
  l->table_y = l->pad + l->head_h + l->pad * 0.5;
}

static double
row_height (cairo_t      *cr,
            const Input  *in,
            const Layout *l,
            guint         t)
{
  double text_h, chips_h;

  text_size (cr, in->style, task_at (in, t)->text, l->scale, FALSE, l->task_w - l->pad, 3, &text_h);
  chips_h = chips_flow (cr, in, l, in->stats[t], 0, 0, l->flags_w - l->pad, FALSE);
  return MAX (MAX (text_h, chips_h), l->px * 1.4) + l->pad;
}

static char *
names_text (const Input *in)
{
  GString *s = g_string_new (NULL);

  for (guint p = 0; p < in->n_partners; p++)
    g_string_append_printf (s, "%s%s %s", p > 0 ? " · " : "", tag_at (in, p),
                            partner_at (in, p)->name);
  return g_string_free (s, FALSE);
}

static char *
legend_text (const Input  *in,
             const Layout *l)
{
  const char *key = _("R Responsible · A Accountable · C Consulted · I Informed · – Not involved");
  guint cut = in->n_tasks - l->rows_shown;

  if (cut == 0)
    return g_strdup (key);
  return g_strdup_printf (
    ngettext ("%u more task not shown for space. %s", "%u more tasks not shown for space. %s", cut),
    cut, key);
}

static void
layout_compute (cairo_t     *cr,
                const Input *in,
                double       width,
                double       scale,
                guint        row_limit,
                Layout      *l)
{
  g_autofree char *legend = NULL;

  l->scale = scale;
  l->px = cg_chart_style_font_px (in->style, scale);
  l->pad = l->px * 0.5;
  layout_columns (cr, in, width, l);
  layout_head (cr, in, l);
  l->rows_shown = MIN (in->n_tasks, row_limit);
  l->row_y[0] = l->table_y;
  for (guint t = 0; t < l->rows_shown; t++)
    l->row_y[t + 1] = l->row_y[t] + row_height (cr, in, l, t);
  l->leads_y = l->row_y[l->rows_shown];
  text_size (cr, in->style, "Ay", l->scale, TRUE, 0, 0, &l->leads_h);
  l->leads_h += l->pad;
  l->legend_y = l->leads_y + l->leads_h + l->pad;
  legend = legend_text (in, l);
  text_size (cr, in->style, legend, l->scale * SMALL, FALSE, width - 2 * l->pad, 3, &l->legend_h);
  l->names_y = l->legend_y + l->legend_h + l->pad * 0.3;
  l->names_h = 0;
  if (l->use_tags)
    {
      g_autofree char *names = names_text (in);

      text_size (cr, in->style, names, l->scale * SMALL, FALSE, width - 2 * l->pad, 6, &l->names_h);
    }
  l->height = l->names_y + l->names_h + l->pad;
}

static void
layout_fit (cairo_t     *cr,
            const Input *in,
            double       width,
            double       height,
            Layout      *l)
{
  double min_scale = in->style->min_font_size / in->style->font_size;
  double scale = 1.0;

  layout_compute (cr, in, width, scale, G_MAXUINT, l);
  for (int i = 0; i < 4 && l->height > height && scale > min_scale; i++)
    {
      scale = MAX (min_scale, scale * MAX (0.5, height / l->height));
      layout_compute (cr, in, width, scale, G_MAXUINT, l);
    }
  /* Still too tall: drop the last rows (the leads row says how many). */
  while (l->height > height && l->rows_shown > 0)
    layout_compute (cr, in, width, scale, l->rows_shown - 1, l);
}

static void
draw_head (cairo_t      *cr,
           const Input  *in,
           const Layout *l)
{
  for (guint p = 0; p < in->n_partners; p++)
    {
      const CgPartner *partner = partner_at (in, p);
      CgRgb colour = cg_chart_style_partner_colour (in->style, partner);
      double x = l->x_cols + p * l->col_w;
      g_autofree char *owned = NULL;
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, in->style, column_text (in, l, p, &owned), l->scale * HEAD_SCALE,
                               TRUE, l->col_w - 4, 3);
      double h;

      cg_render_layout_size (layout, NULL, &h);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cg_render_layout_show (cr, layout, x + 2, l->table_y - l->pad * 0.5 - l->px * 0.5 - h,
                             &in->style->fg);
      cairo_rectangle (cr, x + 2, l->table_y - l->pad * 0.5 - l->px * 0.35, l->col_w - 4,
                       l->px * 0.3);
      cg_rgb_set_source (cr, &colour, 1.0);
      cairo_fill (cr);
    }
}

/* One shaped letter per involvement for the whole table, not one per cell:
 * a 200-partner matrix would otherwise spend its time in Pango. */
typedef struct
{
  PangoLayout *letter[CG_INVOLVEMENT_INFORMED + 1];
} Letters;

static void
letters_clear (Letters *letters)
{
  for (guint i = 0; i < G_N_ELEMENTS (letters->letter); i++)
    g_clear_object (&letters->letter[i]);
}

static void
draw_letter (cairo_t      *cr,
             const Input  *in,
             const Layout *l,
             Letters      *letters,
             CgInvolvement inv,
             const CgRect *r)
{
  gboolean strong = inv == CG_INVOLVEMENT_ACCOUNTABLE || inv == CG_INVOLVEMENT_RESPONSIBLE;
  guint slot = MIN ((guint) inv, G_N_ELEMENTS (letters->letter) - 1);
  PangoLayout *layout;
  double h;

  if (letters->letter[slot] == NULL)
    {
      letters->letter[slot] = cg_chart_style_layout (cr, in->style, cg_involvement_to_letter (inv),
                                                     l->scale * 1.1, strong, r->width, 1);
      pango_layout_set_alignment (letters->letter[slot], PANGO_ALIGN_CENTER);
    }
  layout = letters->letter[slot];

  if (inv == CG_INVOLVEMENT_ACCOUNTABLE)
    {
      /* Accountable is the letter the room argues about: ring it. */
      double s = MIN (r->width, r->height) * 0.42;

      cairo_new_path (cr);
      cairo_arc (cr, r->x + r->width / 2, r->y + r->height / 2, s, 0, 2 * G_PI);
      cg_rgb_set_source (cr, &in->style->fg, 1.0);
      cairo_set_line_width (cr, MAX (1.0, in->style->line_width));
      cairo_stroke (cr);
    }
  cg_render_layout_size (layout, NULL, &h);
  cg_render_layout_show (cr, layout, r->x, r->y + (r->height - h) / 2,
                         strong ? &in->style->fg : &in->style->muted);
}

static void
cell_rect (const Layout *l,
           guint         t,
           guint         p,
           CgRect       *r)
{
  *r = (CgRect){ l->x_cols + p * l->col_w, l->row_y[t], l->col_w, l->row_y[t + 1] - l->row_y[t] };
}

static void
draw_rows (cairo_t      *cr,
           const Input  *in,
           const Layout *l,
           double        width)
{
  Letters letters = { { NULL } };

  for (guint t = 0; t < l->rows_shown; t++)
    {
      const CgTask *task = task_at (in, t);
      g_autoptr (PangoLayout) text =
        cg_chart_style_layout (cr, in->style, task->text, l->scale, FALSE, l->task_w - l->pad, 3);

      cg_render_layout_show (cr, text, l->pad, l->row_y[t] + l->pad * 0.5, &in->style->fg);
      for (guint p = 0; p < in->n_partners; p++)
        {
          guint pid = partner_at (in, p)->id;
          CgRect r;

          cell_rect (l, t, p, &r);
          draw_letter (cr, in, l, &letters, cg_session_get_involvement (in->session, pid, task->id),
                       &r);
        }
      chips_flow (cr, in, l, in->stats[t], l->x_flags, l->row_y[t] + l->pad * 0.5,
                  l->flags_w - l->pad, TRUE);
      cairo_move_to (cr, l->pad, l->row_y[t + 1]);
      cairo_line_to (cr, width - l->pad, l->row_y[t + 1]);
      cg_rgb_set_source (cr, &in->style->grid, 1.0);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  letters_clear (&letters);
}

static void
draw_footer (cairo_t      *cr,
             const Input  *in,
             const Layout *l,
             double        width)
{
  g_autoptr (PangoLayout) title =
    cg_chart_style_layout (cr, in->style, _("Tasks led"), l->scale, TRUE, l->task_w - l->pad, 1);
  g_autofree char *legend_str = legend_text (in, l);
  g_autoptr (PangoLayout) legend = cg_chart_style_layout (
    cr, in->style, legend_str, l->scale * SMALL, FALSE, width - 2 * l->pad, 3);

  cg_render_layout_show (cr, title, l->pad, l->leads_y + l->pad * 0.5, &in->style->fg);
  for (guint p = 0; p < in->n_partners; p++)
    {
      guint pid = partner_at (in, p)->id;
      g_autofree char *n = g_strdup_printf ("%u", cg_analysis_tasks_led (in->session, pid));
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, in->style, n, l->scale, TRUE, l->col_w, 1);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cg_render_layout_show (cr, layout, l->x_cols + p * l->col_w, l->leads_y + l->pad * 0.5,
                             &in->style->fg);
    }
  cg_render_layout_show (cr, legend, l->pad, l->legend_y, &in->style->muted);
  if (l->use_tags)
    {
      g_autofree char *names = names_text (in);
      g_autoptr (PangoLayout) layout = cg_chart_style_layout (
        cr, in->style, names, l->scale * SMALL, FALSE, width - 2 * l->pad, 6);

      cg_render_layout_show (cr, layout, l->pad, l->names_y, &in->style->muted);
    }
}

static void
input_init (Input                   *in,
            Layout                  *l,
            CgSession               *session,
            const CgChartStyle      *style,
            const CgRoleMatrixSlice *slice)
{
  guint n_tasks = cg_session_get_n_tasks (session);
  guint n_partners = cg_session_get_n_partners (session);

  in->session = session;
  in->style = style;
  /* A slice past the end is cut to what exists. */
  in->first_task = slice != NULL ? MIN (slice->first_task, n_tasks) : 0;
  in->n_tasks = slice != NULL ? MIN (slice->n_tasks, n_tasks - in->first_task) : n_tasks;
  in->first_partner = slice != NULL ? MIN (slice->first_partner, n_partners) : 0;
  in->n_partners =
    slice != NULL ? MIN (slice->n_partners, n_partners - in->first_partner) : n_partners;
  in->visible = cg_session_answers_visible (session, CG_STAGE_ROLES);
  in->tags = cg_chart_partner_tags (session);
  in->stats = g_new0 (CgTaskStats *, in->n_tasks + 1);
  for (guint t = 0; t < in->n_tasks; t++)
    in->stats[t] = cg_analysis_task (session, task_at (in, t)->id);
  l->row_y = g_new0 (double, in->n_tasks + 1);
}

static void
input_clear (Input  *in,
             Layout *l)
{
  for (guint t = 0; t < in->n_tasks; t++)
    cg_task_stats_free (in->stats[t]);
  g_free (in->stats);
  g_strfreev (in->tags);
  g_free (l->row_y);
}

static double
hidden_draw (cairo_t            *cr,
             const CgChartStyle *style,
             double              width,
             gboolean            draw)
{
  g_autoptr (PangoLayout) layout =
    cg_chart_style_layout (cr, style, _(HIDDEN_TEXT), 1.0, FALSE, width - style->font_size, 3);
  double h;

  cg_render_layout_size (layout, NULL, &h);
  if (draw)
    cg_render_layout_show (cr, layout, style->font_size / 2, style->font_size / 2, &style->muted);
  return h + style->font_size;
}

void
cg_role_matrix_draw_slice (cairo_t                 *cr,
                           double                   width,
                           double                   height,
                           CgSession               *session,
                           const CgChartStyle      *style,
                           const CgRoleMatrixSlice *slice)
{
  Input in;
  Layout l;

  g_return_if_fail (cr != NULL && style != NULL && CG_IS_SESSION (session));
  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    {
      hidden_draw (cr, style, width, TRUE);
      return;
    }
  input_init (&in, &l, session, style, slice);
  layout_fit (cr, &in, width, height, &l);
  draw_head (cr, &in, &l);
  draw_rows (cr, &in, &l, width);
  draw_footer (cr, &in, &l, width);
  input_clear (&in, &l);
}

void
cg_role_matrix_draw (cairo_t            *cr,
                     double              width,
                     double              height,
                     CgSession          *session,
                     const CgChartStyle *style)
{
  cg_role_matrix_draw_slice (cr, width, height, session, style, NULL);
}

double
cg_role_matrix_get_slice_height_for_width (CgSession               *session,
                                           double                   width,
                                           const CgChartStyle      *style,
                                           const CgRoleMatrixSlice *slice)
{
  cairo_t *cr;
  Input in;
  Layout l;
  double h;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, 0);
  cr = cg_render_scratch_context_new ();
  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    h = hidden_draw (cr, style, width, FALSE);
  else
    {
      input_init (&in, &l, session, style, slice);
      layout_fit (cr, &in, width, G_MAXDOUBLE, &l);
      h = l.height;
      input_clear (&in, &l);
    }
  cairo_destroy (cr);
  return ceil (h);
}

double
cg_role_matrix_get_slice_rows (CgSession               *session,
                               double                   width,
                               const CgChartStyle      *style,
                               const CgRoleMatrixSlice *slice,
                               double                  *rows)
{
  cairo_t *cr;
  Input in;
  Layout l;
  double rest;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL && rows != NULL, 0);
  cr = cg_render_scratch_context_new ();
  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    {
      guint n = slice != NULL ? slice->n_tasks : cg_session_get_n_tasks (session);

      for (guint t = 0; t < n; t++)
        rows[t] = 0;
      rest = hidden_draw (cr, style, width, FALSE);
    }
  else
    {
      input_init (&in, &l, session, style, slice);
      layout_fit (cr, &in, width, G_MAXDOUBLE, &l);
      for (guint t = 0; t < in.n_tasks; t++)
        rows[t] = l.row_y[t + 1] - l.row_y[t];
      rest = l.height - (l.row_y[in.n_tasks] - l.row_y[0]);
      input_clear (&in, &l);
    }
  cairo_destroy (cr);
  return rest;
}

double
cg_role_matrix_get_height_for_width (CgSession          *session,
                                     double              width,
                                     const CgChartStyle *style)
{
  return cg_role_matrix_get_slice_height_for_width (session, width, style, NULL);
}

guint
cg_role_matrix_max_partners (CgSession          *session,
                             double              width,
                             const CgChartStyle *style)
{
  cairo_t *cr;
  Input in;
  Layout l;
  double tag_w = 0;
  guint fit;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, 1);
  if (cg_session_get_n_partners (session) == 0)
    return 1;
  cr = cg_render_scratch_context_new ();
  input_init (&in, &l, session, style, NULL);
  layout_compute (cr, &in, width, 1.0, G_MAXUINT, &l);
  /* A column holds the widest tag, or the ring of an Accountable. */
  for (guint p = 0; p < in.n_partners; p++)
    tag_w = MAX (tag_w, text_size (cr, style, tag_at (&in, p), HEAD_SCALE, TRUE, 0, 0, NULL));
  tag_w = MAX (tag_w + 6, l.px * 2.2);
  fit = (guint) floor ((width - 2 * l.pad - l.task_w - l.flags_w) / tag_w);
  input_clear (&in, &l);
  cairo_destroy (cr);
  return CLAMP (fit, 1, MAX (in.n_partners, 1));
}

static gboolean
locate (cairo_t            *cr,
        double              width,
        double              height,
        CgSession          *session,
        const CgChartStyle *style,
        guint               task_pos,
        guint               partner_pos,
        CgRect             *out)
{
  Input in;
  Layout l;
  gboolean ok;

  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    return FALSE;
  input_init (&in, &l, session, style, NULL);
  layout_fit (cr, &in, width, height, &l);
  ok = task_pos < l.rows_shown && (partner_pos < in.n_partners || partner_pos == G_MAXUINT);
  if (ok && partner_pos == G_MAXUINT)
    *out = (CgRect){ l.x_flags, l.row_y[task_pos], l.flags_w - l.pad,
                     l.row_y[task_pos + 1] - l.row_y[task_pos] };
  else if (ok)
    cell_rect (&l, task_pos, partner_pos, out);
  input_clear (&in, &l);
  return ok;
}

gboolean
cg_role_matrix_get_cell (cairo_t            *cr,
                         double              width,
                         double              height,
                         CgSession          *session,
                         const CgChartStyle *style,
                         guint               task_pos,
                         guint               partner_pos,
                         CgRect             *out)
{
  g_return_val_if_fail (cr != NULL && CG_IS_SESSION (session) && out != NULL, FALSE);
  return partner_pos != G_MAXUINT &&
         locate (cr, width, height, session, style, task_pos, partner_pos, out);
}

gboolean
cg_role_matrix_get_flags (cairo_t            *cr,
                          double              width,
                          double              height,
                          CgSession          *session,
                          const CgChartStyle *style,
                          guint               task_pos,
                          CgRect             *out)
{
  g_return_val_if_fail (cr != NULL && CG_IS_SESSION (session) && out != NULL, FALSE);
  return locate (cr, width, height, session, style, task_pos, G_MAXUINT, out);
}

char *
cg_role_matrix_describe (CgSession *session)
{
  guint n_tasks, n_partners;
  GString *s;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    return g_strdup (_(HIDDEN_TEXT));
  n_tasks = cg_session_get_n_tasks (session);
  n_partners = cg_session_get_n_partners (session);
  s = g_string_new (NULL);
  g_string_append_printf (s, _("Role matrix of %u tasks and %u partners."), n_tasks, n_partners);
  for (guint t = 0; t < n_tasks; t++)
    {
      const CgTask *task = cg_session_get_task (session, t);
      g_autoptr (CgTaskStats) st = cg_analysis_task (session, task->id);
      g_autofree char *flags = cg_role_matrix_flags_text (st);

      g_string_append_printf (s, " %s: %s.", task->text, flags);
      for (guint p = 0; p < n_partners; p++)
        {
          const CgPartner *partner = cg_session_get_partner (session, p);
          CgInvolvement inv = cg_session_get_involvement (session, partner->id, task->id);

          if (inv != CG_INVOLVEMENT_UNSET)
            g_string_append_printf (s, " %s %s.", partner->name, cg_involvement_to_label (inv));
        }
    }
  g_string_append_printf (s, " %s:", _("Tasks led"));
  for (guint p = 0; p < n_partners; p++)
    {
      const CgPartner *partner = cg_session_get_partner (session, p);

      g_string_append_printf (s, " %s %u%s", partner->name,
                              cg_analysis_tasks_led (session, partner->id),
                              p + 1 < n_partners ? "," : ".");
    }
  return g_string_free (s, FALSE);
}
