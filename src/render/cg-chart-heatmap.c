/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-chart-heatmap"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-heatmap.h"
#include "cg-chart-items.h"

#define SMALL 0.8

typedef struct
{
  CgSession *session;
  const guint *ids;
  guint n_items, n_partners;
  const CgChartStyle *style;
  gboolean means; /* cells are group means (no "don't know" to key) */
} Input;

typedef struct
{
  double scale, px, pad;
  double name_w, swatch;
  double grid_x, grid_y, header_h;
  double cell_w, row_h;
  double legend_y, legend_h;
  double key_y, key_line_h;
  guint key_cols, key_rows, key_shown;
  gboolean key_more; /* an "and N more" line ends the key */
  double height;
} Layout;

static double
text_width (cairo_t            *cr,
            const CgChartStyle *style,
            const char         *text,
            double              scale,
            gboolean            bold)
{
  g_autoptr (PangoLayout) layout = cg_chart_style_layout (cr, style, text, scale, bold, 0, 0);
  double w;

  cg_render_layout_size (layout, &w, NULL);
  return w;
}

static double
line_height (cairo_t            *cr,
             const CgChartStyle *style,
             double              scale)
{
  g_autoptr (PangoLayout) layout = cg_chart_style_layout (cr, style, "Ay", scale, FALSE, 0, 0);
  double h;

  cg_render_layout_size (layout, NULL, &h);
  return h;
}

static CgItemKind
scale_kind (const Input *in)
{
  for (guint i = 0; i < in->n_items; i++)
    {
      const CgItem *item = cg_session_lookup_item (in->session, in->ids[i]);

      if (item != NULL && item->kind == CG_ITEM_STATEMENT)
        return CG_ITEM_STATEMENT;
    }
  return in->n_items > 0 ? CG_ITEM_AIM : CG_ITEM_STATEMENT;
}

/* The shade legend: "1 Strongly disagree" ... "? Don't know", as strings. */
static GPtrArray *
legend_entries (const Input *in)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);
  CgItemKind kind = scale_kind (in);

  for (guint r = 1; r <= CG_RATING_MAX; r++)
    g_ptr_array_add (entries, g_strdup_printf ("%u %s", r, cg_chart_scale_word (kind, r)));
  if (!in->means)
    g_ptr_array_add (entries, g_strdup_printf ("? %s", _("Don’t know")));
  g_ptr_array_add (entries, g_strdup_printf ("– %s", _("Not answered")));
  for (guint i = 0; i < in->n_items; i++)
    if (!cg_chart_item_visible (in->session, in->ids[i]))
      {
        g_ptr_array_add (entries, g_strdup (_("Hatched: hidden until revealed")));
        break;
      }
  return entries;
}

static void
draw_hatch (cairo_t            *cr,
            const CgChartStyle *style,
            const CgRect       *r)
{
  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  cg_rgb_set_source (cr, &style->muted, 0.6);
  cairo_set_line_width (cr, 1.0);
  for (double d = -r->height; d < r->width; d += 6)
    {
      cairo_move_to (cr, r->x + d, r->y + r->height);
      cairo_line_to (cr, r->x + d + r->height, r->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Lays the legend out in rows; returns its height (draws when @draw). */
static double
legend_flow (cairo_t      *cr,
             const Input  *in,
             const Layout *l,
             double        width,
             gboolean      draw)
{
  g_autoptr (GPtrArray) entries = legend_entries (in);
  double sw = l->px * SMALL, lh = line_height (cr, in->style, l->scale * SMALL);
  double x = l->pad, y = l->legend_y;

  for (guint i = 0; i < entries->len; i++)
    {
      const char *t = g_ptr_array_index (entries, i);
      /* A pixel of slack: the measured width, fed back as the layout width,
       * can round to an ellipsis. */
      double w = sw + l->pad * 0.5 + text_width (cr, in->style, t, l->scale * SMALL, FALSE) + 1;

      w = MIN (w, width - 2 * l->pad);
      if (x > l->pad && x + w > width - l->pad)
        {
          x = l->pad;
          y += lh + l->pad * 0.3;
        }
      if (draw)
        {
          g_autoptr (PangoLayout) layout = cg_chart_style_layout (
            cr, in->style, t, l->scale * SMALL, FALSE, w - sw - l->pad * 0.5, 1);
          /* Group means key no "don't know": their entries move up one. */
          guint k = in->means && i >= CG_RATING_MAX ? i + 1 : i;
          const CgRgb *fill = k < CG_RATING_MAX    ? &in->style->shades[k + 1]
                              : k == CG_RATING_MAX ? &in->style->dont_know
                                                   : &in->style->bg;

          cairo_rectangle (cr, x, y + (lh - sw) / 2, sw, sw);
          cg_rgb_set_source (cr, fill, 1.0);
          cairo_fill_preserve (cr);
          if (k > CG_RATING_MAX + 1)
            draw_hatch (cr, in->style, &(CgRect){ x, y + (lh - sw) / 2, sw, sw });
          cg_rgb_set_source (cr, &in->style->grid, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          cg_render_layout_show (cr, layout, x + sw + l->pad * 0.5, y, &in->style->fg);
        }
      x += w + l->pad * 1.5;
    }
  return y + lh - l->legend_y;
}

static void
layout_columns (cairo_t     *cr,
                const Input *in,
                double       width,
                Layout      *l)
{
  double widest = 0;

  l->swatch = l->px * 0.8;
  for (guint i = 0; i < in->n_partners; i++)
    widest = MAX (widest, text_width (cr, in->style, cg_session_get_partner (in->session, i)->name,
                                      l->scale, FALSE));
  l->name_w = MIN (widest, width * 0.28) + l->swatch + l->pad;
  l->grid_x = l->pad + l->name_w + l->pad;
  l->cell_w = in->n_items > 0 ? (width - l->pad - l->grid_x) / in->n_items : 0;
  /* Very wide cells read badly on a projector: cap them. */
  l->cell_w = MIN (l->cell_w, l->px * 5);
  l->row_h = MAX (l->px * 1.8, in->style->min_font_size * 1.4);
  l->header_h = line_height (cr, in->style, l->scale * SMALL) + l->pad * 0.5;
}

static void
layout_compute (cairo_t     *cr,
                const Input *in,
                double       width,
                double       scale,
                guint        key_limit,
                gboolean     with_more,
                Layout      *l)
{
  l->scale = scale;
  l->px = cg_chart_style_font_px (in->style, scale);
  l->pad = l->px * 0.5;
  layout_columns (cr, in, width, l);
  l->grid_y = l->pad + l->header_h;
  l->legend_y = l->grid_y + in->n_partners * l->row_h + l->pad;
  l->legend_h = legend_flow (cr, in, l, width, FALSE);
  l->key_y = l->legend_y + l->legend_h + l->pad;
  l->key_line_h = line_height (cr, in->style, l->scale * SMALL);
  l->key_cols = CLAMP ((guint) (width / (l->px * 28)), 1, 4);
  l->key_shown = MIN (in->n_items, key_limit);
  l->key_rows = (l->key_shown + l->key_cols - 1) / l->key_cols;
  l->key_more = l->key_shown < in->n_items && with_more;
  l->key_rows += l->key_more;
  l->height = l->key_y + l->key_rows * l->key_line_h + l->pad;
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

  layout_compute (cr, in, width, scale, G_MAXUINT, FALSE, l);
  for (int i = 0; i < 4 && l->height > height && scale > min_scale; i++)
    {
      scale = MAX (min_scale, scale * MAX (0.5, height / l->height));
      layout_compute (cr, in, width, scale, G_MAXUINT, FALSE, l);
    }
  if (l->height > height)
    {
      /* Cut the key: keep whole rows that fit, one of them for "and N more". */
      double room = height - l->key_y - l->pad;
      guint rows = room > 0 ? (guint) (room / l->key_line_h) : 0;
      guint keep = rows > 1 ? (rows - 1) * l->key_cols : 0;

      layout_compute (cr, in, width, scale, keep, rows > 0, l);
    }
}

static void
cell_rect (const Layout *l,
           guint         item_index,
           guint         partner_pos,
           CgRect       *out)
{
  out->x = l->grid_x + item_index * l->cell_w;
  out->y = l->grid_y + partner_pos * l->row_h;
  out->width = l->cell_w;
  out->height = l->row_h;
}

/* Every cell of a column holds one of a handful of texts at one size:
 * shaping each once per grid, not once per cell, keeps a 200 x 1,000
 * report from spending most of its time in Pango. */
typedef struct
{
  PangoLayout *text[CG_RATING_DONT_KNOW + 2];
} CellTexts;

static void
cell_texts_clear (CellTexts *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (t->text); i++)
    g_clear_object (&t->text[i]);
}

static PangoLayout *
cell_text (cairo_t      *cr,
           const Input  *in,
           const Layout *l,
           CellTexts    *cache,
           guint         slot,
           const char   *text)
{
  if (cache->text[slot] == NULL)
    {
      cache->text[slot] = cg_chart_style_layout (cr, in->style, text, l->scale, TRUE, l->cell_w, 1);
      pango_layout_set_alignment (cache->text[slot], PANGO_ALIGN_CENTER);
    }
  return cache->text[slot];
}

static void
draw_cell (cairo_t      *cr,
           const Input  *in,
           const Layout *l,
           CellTexts    *cache,
           const CgRect *r,
           CgRating      rating,
           gboolean      visible)
{
  const CgChartStyle *style = in->style;
  const char *text = NULL;
  const CgRgb *fill = NULL;
  guint slot = G_N_ELEMENTS (cache->text) - 1;

  if (!visible)
    draw_hatch (cr, style, r);
  else if (rating >= CG_RATING_1 && rating <= CG_RATING_5)
    fill = &style->shades[rating], text = cg_rating_to_string (rating), slot = rating;
  else if (rating == CG_RATING_DONT_KNOW)
    fill = &style->dont_know, text = "?", slot = rating;
  else
    text = "–";

  if (fill != NULL)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cg_rgb_set_source (cr, fill, 1.0);
      cairo_fill (cr);
    }
  if (text != NULL)
    {
      CgRgb ink = fill != NULL ? cg_rgb_text_on (fill) : style->muted;
      PangoLayout *layout = cell_text (cr, in, l, cache, slot, text);
      double tw, th;

      cg_render_layout_size (layout, &tw, &th);
      cg_render_layout_show (cr, layout, r->x, r->y + (r->height - th) / 2, &ink);
    }
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cg_rgb_set_source (cr, &style->grid, 1.0);
  cairo_set_line_width (cr, style->high_contrast ? 1.5 : 1.0);
  cairo_stroke (cr);
}

static void
draw_names (cairo_t      *cr,
            const Input  *in,
            const Layout *l)
{
  double lh = line_height (cr, in->style, l->scale);

  for (guint p = 0; p < in->n_partners; p++)
    {
      const CgPartner *partner = cg_session_get_partner (in->session, p);
      CgRgb colour = cg_chart_style_partner_colour (in->style, partner);
      double y = l->grid_y + p * l->row_h;
      g_autoptr (PangoLayout) layout = cg_chart_style_layout (
        cr, in->style, partner->name, l->scale, FALSE, l->name_w - l->swatch - l->pad, 1);

      cg_render_layout_hug (layout);
      cairo_rectangle (cr, l->pad, y + (l->row_h - l->swatch) / 2, l->swatch, l->swatch);
      cg_rgb_set_source (cr, &colour, 1.0);
      cairo_fill (cr);
      cg_render_layout_show (cr, layout, l->pad + l->swatch + l->pad, y + (l->row_h - lh) / 2,
                             &in->style->fg);
    }
}

static void
draw_grid (cairo_t      *cr,
           const Input  *in,
           const Layout *l)
{
  CellTexts cache = { { NULL } };

  for (guint i = 0; i < in->n_items; i++)
    {
      g_autofree char *label = cg_chart_item_label (in->session, in->ids[i]);
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, in->style, label, l->scale * SMALL, TRUE, l->cell_w, 1);
      gboolean visible = cg_chart_item_visible (in->session, in->ids[i]);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cg_render_layout_show (cr, layout, l->grid_x + i * l->cell_w, l->pad, &in->style->fg);
      for (guint p = 0; p < in->n_partners; p++)
        {
          guint pid = cg_session_get_partner (in->session, p)->id;
          CgRect r;

          cell_rect (l, i, p, &r);
          draw_cell (cr, in, l, &cache, &r, cg_session_get_rating (in->session, pid, in->ids[i]),
                     visible);
        }
    }
  cell_texts_clear (&cache);
}

static void
draw_key (cairo_t      *cr,
          const Input  *in,
          const Layout *l,
          double        width)
{
  double col_w = (width - 2 * l->pad) / l->key_cols;

  for (guint i = 0; i < l->key_shown + l->key_more; i++)
    {
      guint row = i % l->key_rows, col = i / l->key_rows;
      g_autofree char *text = NULL;
      g_autoptr (PangoLayout) layout = NULL;

      if (i == l->key_shown)
        text = g_strdup_printf (_("… and %u more"), in->n_items - l->key_shown);
      else
        {
          g_autofree char *label = cg_chart_item_label (in->session, in->ids[i]);
          const CgItem *item = cg_session_lookup_item (in->session, in->ids[i]);

          text = g_strdup_printf ("%s  %s", label, item->text);
        }
      layout =
        cg_chart_style_layout (cr, in->style, text, l->scale * SMALL, FALSE, col_w - l->pad, 1);
      cg_render_layout_show (cr, layout, l->pad + col * col_w, l->key_y + row * l->key_line_h,
                             &in->style->muted);
    }
}

static gboolean
input_init (Input              *in,
            CgSession          *session,
            const guint        *ids,
            guint               n,
            const CgChartStyle *style)
{
  in->session = session;
  in->ids = ids;
  in->n_items = n;
  in->n_partners = cg_session_get_n_partners (session);
  in->style = style;
  in->means = FALSE;
  for (guint i = 0; i < n; i++)
    if (cg_session_lookup_item (session, ids[i]) == NULL)
      return FALSE;
  return TRUE;
}

void
cg_chart_heatmap_draw (cairo_t            *cr,
                       double              width,
                       double              height,
                       CgSession          *session,
                       const guint        *item_ids,
                       guint               n_items,
                       const CgChartStyle *style)
{
  Input in;
  Layout l;

  g_return_if_fail (cr != NULL && style != NULL && CG_IS_SESSION (session));
  g_return_if_fail (item_ids != NULL || n_items == 0);
  g_return_if_fail (input_init (&in, session, item_ids, n_items, style));

  layout_fit (cr, &in, width, height, &l);
  draw_names (cr, &in, &l);
  draw_grid (cr, &in, &l);
  legend_flow (cr, &in, &l, width, TRUE);
  draw_key (cr, &in, &l, width);
}

double
cg_chart_heatmap_get_height_for_width (CgSession          *session,
                                       const guint        *item_ids,
                                       guint               n_items,
                                       double              width,
                                       const CgChartStyle *style)
{
  cairo_t *cr;
  Input in;
  Layout l;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, 0);
  if (!input_init (&in, session, item_ids, n_items, style))
    return 0;
  cr = cg_render_scratch_context_new ();
  layout_fit (cr, &in, width, G_MAXDOUBLE, &l);
  cairo_destroy (cr);
  return ceil (l.height);
}

gboolean
cg_chart_heatmap_is_legible (CgSession          *session,
                             const guint        *item_ids,
                             guint               n_items,
                             double              width,
                             double              height,
                             const CgChartStyle *style)
{
  cairo_t *cr;
  Input in;
  Layout l;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, FALSE);
  if (n_items == 0 || !input_init (&in, session, item_ids, n_items, style))
    return FALSE;
  cr = cg_render_scratch_context_new ();
  layout_fit (cr, &in, width, height, &l);
  cairo_destroy (cr);
  /* A rating's digit needs about a font size of width, and every row and
   * the legend must fit (the key may be cut to "and N more"). */
  return l.cell_w >= l.px * 0.9 && l.key_y <= height;
}

gboolean
cg_chart_heatmap_get_cell (cairo_t            *cr,
                           double              width,
                           double              height,
                           CgSession          *session,
                           const guint        *item_ids,
                           guint               n_items,
                           const CgChartStyle *style,
                           guint               item_index,
                           guint               partner_pos,
                           CgRect             *out)
{
  Input in;
  Layout l;

  g_return_val_if_fail (cr != NULL && out != NULL && CG_IS_SESSION (session), FALSE);
  if (!input_init (&in, session, item_ids, n_items, style) || item_index >= n_items ||
      partner_pos >= in.n_partners)
    return FALSE;
  layout_fit (cr, &in, width, height, &l);
  cell_rect (&l, item_index, partner_pos, out);
  return TRUE;
}

char *
cg_chart_heatmap_describe (CgSession   *session,
                           const guint *item_ids,
                           guint        n_items)
{
  GString *s;
  guint n_partners;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  n_partners = cg_session_get_n_partners (session);
  s = g_string_new (NULL);
  g_string_append_printf (s, _("Heat map of the ratings of %u items by %u partners."), n_items,
                          n_partners);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *label = cg_chart_item_label (session, item_ids[i]);

      g_string_append_printf (s, " %s:", label);
      if (!cg_chart_item_visible (session, item_ids[i]))
        {
          g_string_append_printf (s, " %s", _("hidden until revealed."));
          continue;
        }
      for (guint p = 0; p < n_partners; p++)
        {
          const CgPartner *partner = cg_session_get_partner (session, p);
          CgRating r = cg_session_get_rating (session, partner->id, item_ids[i]);

          g_string_append_printf (s, " %s %s%s", partner->name,
                                  r == CG_RATING_NONE        ? _("no answer")
                                  : r == CG_RATING_DONT_KNOW ? _("don’t know")
                                                             : cg_rating_to_string (r),
                                  p + 1 < n_partners ? "," : ".");
        }
    }
  return g_string_free (s, FALSE);
}

/* Groups x lessons ---------------------------------------------------------- */

/* The same grid as the partners', one row per group and one column per
 * lesson; a cell is the group's mean over all its answers in the lesson,
 * shaded by the nearest whole point and carrying the mean as text. */
typedef struct
{
  Input in; /* session, style, the statements (for the legend) */
  GArray *statements;
  CgGroupStats *lessons[CG_N_LESSONS];
  guint n_groups;
} GroupInput;

static void
group_input_init (GroupInput         *g,
                  CgSession          *session,
                  const CgChartStyle *style)
{
  g->statements = cg_chart_collect_items (session, CG_CHART_ALL_LESSONS, FALSE);
  input_init (&g->in, session, (guint *) g->statements->data, g->statements->len, style);
  g->in.means = TRUE;
  for (guint l = 0; l < CG_N_LESSONS; l++)
    g->lessons[l] = cg_analysis_lesson_groups (session, l);
  g->n_groups = g->lessons[0]->groups->len;
}

static void
group_input_clear (GroupInput *g)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    g_clear_pointer (&g->lessons[l], cg_group_stats_free);
  g_clear_pointer (&g->statements, g_array_unref);
}

/* "Charity (one partner)": a lone partner's mean is that partner's answer. */
static char *
group_row_name (const GroupInput *g,
                guint             group)
{
  const CgGroupMean *gm = &g_array_index (g->lessons[0]->groups, CgGroupMean, group);

  if (gm->n_partners == 1)
    return g_strdup_printf (_("%s (one partner)"), gm->name);
  return g_strdup (gm->name);
}

static void
group_layout_compute (cairo_t          *cr,
                      const GroupInput *g,
                      double            width,
                      double            scale,
                      Layout           *l)
{
  double widest = 0;

  l->scale = scale;
  l->px = cg_chart_style_font_px (g->in.style, scale);
  l->pad = l->px * 0.5;
  for (guint i = 0; i < g->n_groups; i++)
    {
      g_autofree char *name = group_row_name (g, i);

      widest = MAX (widest, text_width (cr, g->in.style, name, scale, FALSE));
    }
  l->swatch = 0;
  l->name_w = MIN (widest, width * 0.4);
  l->grid_x = l->pad + l->name_w + l->pad;
  l->cell_w = MIN ((width - l->pad - l->grid_x) / CG_N_LESSONS, l->px * 5);
  l->row_h = MAX (l->px * 1.8, g->in.style->min_font_size * 1.4);
  l->header_h = line_height (cr, g->in.style, scale * SMALL) + l->pad * 0.5;
  l->grid_y = l->pad + l->header_h;
  l->legend_y = l->grid_y + g->n_groups * l->row_h + l->pad;
  l->legend_h = legend_flow (cr, &g->in, l, width, FALSE);
  l->key_y = l->legend_y + l->legend_h + l->pad;
  l->key_line_h = line_height (cr, g->in.style, scale * SMALL);
  l->key_cols = CLAMP ((guint) (width / (l->px * 22)), 1, 3);
  l->key_shown = CG_N_LESSONS;
  l->key_more = FALSE;
  l->key_rows = (CG_N_LESSONS + l->key_cols - 1) / l->key_cols;
  l->height = l->key_y + l->key_rows * l->key_line_h + l->pad;
}

static void
group_layout_fit (cairo_t          *cr,
                  const GroupInput *g,
                  double            width,
                  double            height,
                  Layout           *l)
{
  double min_scale = g->in.style->min_font_size / g->in.style->font_size;
  double scale = 1.0;

  group_layout_compute (cr, g, width, scale, l);
  for (int i = 0; i < 4 && l->height > height && scale > min_scale; i++)
    {
      scale = MAX (min_scale, scale * MAX (0.5, height / l->height));
      group_layout_compute (cr, g, width, scale, l);
    }
}

static void
group_draw_cell (cairo_t           *cr,
                 const GroupInput  *g,
                 const Layout      *l,
                 const CgRect      *r,
                 const CgGroupMean *gm,
                 gboolean           visible)
{
  const CgChartStyle *style = g->in.style;
  g_autofree char *text = NULL;
  const CgRgb *fill = NULL;

  if (!visible)
    draw_hatch (cr, style, r);
  else if (gm->n > 0)
    {
      fill = &style->shades[CLAMP ((guint) lround (gm->mean), CG_RATING_1, CG_RATING_5)];
      text = g_strdup_printf ("%.1f", gm->mean);
    }
  else
    text = g_strdup ("–");
  if (fill != NULL)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cg_rgb_set_source (cr, fill, 1.0);
      cairo_fill (cr);
    }
  if (text != NULL)
    {
      CgRgb ink = fill != NULL ? cg_rgb_text_on (fill) : style->muted;
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, style, text, l->scale, TRUE, l->cell_w, 1);
      double th;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cg_render_layout_size (layout, NULL, &th);
      cg_render_layout_show (cr, layout, r->x, r->y + (r->height - th) / 2, &ink);
    }
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cg_rgb_set_source (cr, &style->grid, 1.0);
  cairo_set_line_width (cr, style->high_contrast ? 1.5 : 1.0);
  cairo_stroke (cr);
}

static void
group_draw_grid (cairo_t          *cr,
                 const GroupInput *g,
                 const Layout     *l)
{
  double lh = line_height (cr, g->in.style, l->scale);

  for (guint i = 0; i < g->n_groups; i++)
    {
      g_autofree char *name = group_row_name (g, i);
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, g->in.style, name, l->scale, FALSE, l->name_w, 1);

      cg_render_layout_show (cr, layout, l->pad, l->grid_y + i * l->row_h + (l->row_h - lh) / 2,
                             &g->in.style->fg);
    }
  for (guint lesson = 0; lesson < CG_N_LESSONS; lesson++)
    {
      g_autofree char *label = g_strdup_printf ("%u", lesson + 1);
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, g->in.style, label, l->scale * SMALL, TRUE, l->cell_w, 1);
      gboolean visible = cg_session_answers_visible (g->in.session, CG_STAGE_FOR_LESSON (lesson));

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cg_render_layout_show (cr, layout, l->grid_x + lesson * l->cell_w, l->pad, &g->in.style->fg);
      for (guint i = 0; i < g->n_groups; i++)
        {
          CgRect r;

          cell_rect (l, lesson, i, &r);
          group_draw_cell (cr, g, l, &r,
                           &g_array_index (g->lessons[lesson]->groups, CgGroupMean, i), visible);
        }
    }
}

static void
group_draw_key (cairo_t          *cr,
                const GroupInput *g,
                const Layout     *l,
                double            width)
{
  double col_w = (width - 2 * l->pad) / l->key_cols;

  for (guint i = 0; i < CG_N_LESSONS; i++)
    {
      guint row = i % l->key_rows, col = i / l->key_rows;
      g_autofree char *text = g_strdup_printf ("%u  %s", i + 1, cg_lesson_get_title (i));
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, g->in.style, text, l->scale * SMALL, FALSE, col_w - l->pad, 1);

      cg_render_layout_show (cr, layout, l->pad + col * col_w, l->key_y + row * l->key_line_h,
                             &g->in.style->muted);
    }
}

void
cg_chart_group_heatmap_draw (cairo_t            *cr,
                             double              width,
                             double              height,
                             CgSession          *session,
                             const CgChartStyle *style)
{
  GroupInput g;
  Layout l;

  g_return_if_fail (cr != NULL && style != NULL && CG_IS_SESSION (session));
  group_input_init (&g, session, style);
  group_layout_fit (cr, &g, width, height, &l);
  group_draw_grid (cr, &g, &l);
  legend_flow (cr, &g.in, &l, width, TRUE);
  group_draw_key (cr, &g, &l, width);
  group_input_clear (&g);
}

double
cg_chart_group_heatmap_get_height_for_width (CgSession          *session,
                                             double              width,
                                             const CgChartStyle *style)
{
  cairo_t *cr;
  GroupInput g;
  Layout l;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, 0);
  group_input_init (&g, session, style);
  cr = cg_render_scratch_context_new ();
  group_layout_fit (cr, &g, width, G_MAXDOUBLE, &l);
  cairo_destroy (cr);
  group_input_clear (&g);
  return ceil (l.height);
}

gboolean
cg_chart_group_heatmap_get_cell (cairo_t            *cr,
                                 double              width,
                                 double              height,
                                 CgSession          *session,
                                 const CgChartStyle *style,
                                 guint               lesson,
                                 guint               group,
                                 CgRect             *out)
{
  GroupInput g;
  Layout l;
  gboolean ok;

  g_return_val_if_fail (cr != NULL && out != NULL && CG_IS_SESSION (session), FALSE);
  group_input_init (&g, session, style);
  ok = lesson < CG_N_LESSONS && group < g.n_groups;
  if (ok)
    {
      group_layout_fit (cr, &g, width, height, &l);
      cell_rect (&l, lesson, group, out);
    }
  group_input_clear (&g);
  return ok;
}

char *
cg_chart_group_heatmap_describe (CgSession *session)
{
  GroupInput g;
  GString *s;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  group_input_init (&g, session, NULL);
  s = g_string_new (NULL);
  g_string_append_printf (s, _("Heat map of the mean rating of %u groups in each lesson."),
                          g.n_groups);
  for (guint lesson = 0; lesson < CG_N_LESSONS; lesson++)
    {
      const CgGroupStats *st = g.lessons[lesson];

      g_string_append_printf (s, " %u %s:", lesson + 1, cg_lesson_get_title (lesson));
      if (!cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (lesson)))
        {
          g_string_append_printf (s, " %s", _("hidden until revealed."));
          continue;
        }
      for (guint i = 0; i < g.n_groups; i++)
        {
          const CgGroupMean *gm = &g_array_index (st->groups, CgGroupMean, i);
          g_autofree char *name = group_row_name (&g, i);
          g_autofree char *mean =
            gm->n > 0 ? g_strdup_printf ("%.1f", gm->mean) : g_strdup (_("no answers"));

          g_string_append_printf (s, " %s %s%s", name, mean, i + 1 < g.n_groups ? "," : ".");
        }
      if (st->flagged)
        g_string_append_printf (s, _(" The groups differ: %s and %s are %.1f points apart."),
                                g_array_index (st->groups, CgGroupMean, st->high).name,
                                g_array_index (st->groups, CgGroupMean, st->low).name, st->gap);
    }
  group_input_clear (&g);
  return g_string_free (s, FALSE);
}
