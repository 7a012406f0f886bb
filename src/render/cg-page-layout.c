/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-page-layout"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cg-page-layout.h"

/* Type: one family for prose, one for headings and tables. Both are in
 * Debian's fonts-noto-core; fontconfig falls back per script (Arabic,
 * Hebrew...) on its own. */
#define FONT_SERIF "Noto Serif, DejaVu Serif, serif"
#define FONT_SANS "Noto Sans, DejaVu Sans, sans-serif"
#define FONT_CELL FONT_SANS " 9.5"
#define FONT_HEADER_CELL FONT_SANS " Bold 9"

#define CELL_PAD_X 5.0
#define CELL_PAD_Y 4.0
#define BULLET_INDENT 20.0
#define SIGNATURE_GAP 18.0

typedef struct
{
  double red, green, blue;
} Rgb;

static const Rgb ink = { 0.10, 0.10, 0.12 };
static const Rgb muted = { 0.36, 0.37, 0.40 };
static const Rgb accent = { 0.09, 0.27, 0.45 };
static const Rgb rule = { 0.72, 0.74, 0.77 };
static const Rgb header_fill = { 0.91, 0.93, 0.96 };

/* One laid-out line, in points, relative to its layout's top-left. */
typedef struct
{
  PangoLayoutLine *line; /* borrowed from its layout */
  double x, top, bottom, baseline;
} LineInfo;

typedef struct _Unit Unit;
typedef void (*UnitDraw) (CgPageLayout *self, const Unit *unit, cairo_t *cr, double x, double y);

/* The atom of pagination: a horizontal band that is never split. */
struct _Unit
{
  double height;
  double space_before; /* dropped at the top of a page */
  gboolean keep_with_prev;
  gboolean page_break;
  const Unit *table_header; /* for table rows: the header to repeat */
  UnitDraw draw;
  gpointer data;
  GDestroyNotify free_data;
};

typedef struct
{
  PangoLayout *layout;
  GArray *lines; /* LineInfo */
} Cell;

typedef struct
{
  guint n_columns;
  double *weights;
  double *widths;   /* measured at the end of the table */
  double scale;     /* of the table's type: below 1 when its words would not fit */
  GPtrArray *texts; /* GStrv per row, the header first; freed once laid out */
  gboolean keep_with_prev;
  Unit *header;
} Table;

typedef struct
{
  const Table *table; /* borrowed */
  gboolean is_header;
  Cell *cells;
  guint *first;   /* per cell: the first line this band shows */
  guint *count;   /* per cell: how many lines */
  double pad_top; /* only the first band of a row has the cell's top padding */
  gboolean last;  /* only the last band draws the rule under the row */
} RowBand;

typedef struct
{
  double x;
  const LineInfo *info; /* borrowed from the paragraph's GArray */
  const Rgb *colour;
  const LineInfo *bullet_info;
} LineBand;

typedef struct
{
  double y;
  const Unit *unit;
} Placed;

struct _CgPageLayout
{
  GObject parent_instance;

  /* Owned */
  PangoContext *context;
  char *running_header;
  GPtrArray *units;       /* Unit */
  GPtrArray *layouts;     /* PangoLayout: units borrow their lines */
  GPtrArray *line_arrays; /* GArray of LineInfo */
  GPtrArray *blobs;       /* plain allocations units borrow (row cells) */
  GPtrArray *tables;      /* Table */
  GPtrArray *pages;       /* GArray of Placed per page; NULL until paginated */

  double page_width, page_height;
  CgPageMargins margins;
  gboolean keep_next; /* the next unit stays with the previous one (after a heading) */
  Table *open_table;
};

G_DEFINE_FINAL_TYPE (CgPageLayout, cg_page_layout, G_TYPE_OBJECT)

/* Paper -------------------------------------------------------------------- */

void
cg_paper_size_get_size (CgPaperSize paper,
                        double     *width,
                        double     *height)
{
  if (paper == CG_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
      return;
    }
  *width = 595.0;  /* 210 mm, rounded as every PDF writer does */
  *height = 842.0; /* 297 mm */
}

gboolean
cg_paper_size_from_string (const char  *s,
                           CgPaperSize *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  if (s != NULL && g_ascii_strcasecmp (s, "a4") == 0)
    *out = CG_PAPER_A4;
  else if (s != NULL && g_ascii_strcasecmp (s, "letter") == 0)
    *out = CG_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

CgPaperSize
cg_paper_size_for_locale (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "en_US") || g_str_has_prefix (names[i], "en_CA") ||
        g_str_has_prefix (names[i], "fr_CA") || g_str_has_prefix (names[i], "es_MX"))
      return CG_PAPER_LETTER;
  return CG_PAPER_A4;
}

void
cg_page_margins_init_default (CgPageMargins *margins)
{
  g_return_if_fail (margins != NULL);
  /* 25 mm top and bottom leave room for the running header and the page
   * number; 22 mm at the sides keeps lines a readable length. */
  margins->top = 72.0;
  margins->bottom = 72.0;
  margins->left = 62.0;
  margins->right = 62.0;
}

/* Object ------------------------------------------------------------------- */

static void
unit_free (gpointer p)
{
  Unit *unit = p;

  if (unit->free_data != NULL)
    unit->free_data (unit->data);
  g_free (unit);
}

static void
table_free (gpointer p)
{
  Table *table = p;

  g_free (table->weights);
  g_free (table->widths);
  g_clear_pointer (&table->texts, g_ptr_array_unref);
  g_free (table);
}

static void
cg_page_layout_finalize (GObject *object)
{
  CgPageLayout *self = CG_PAGE_LAYOUT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->blobs, g_ptr_array_unref);
  g_clear_pointer (&self->line_arrays, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->running_header);
  G_OBJECT_CLASS (cg_page_layout_parent_class)->finalize (object);
}

static void
cg_page_layout_class_init (CgPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_page_layout_finalize;
}

static void
cg_page_layout_init (CgPageLayout *self)
{
  self->units = g_ptr_array_new_with_free_func (unit_free);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->line_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->blobs = g_ptr_array_new_with_free_func (g_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
}

static PangoContext *
make_print_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* What GtkPrintContext does for GTK_UNIT_POINTS: unhinted metrics at 72
   * units per inch, so line breaks do not depend on the device. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  cairo_font_options_destroy (options);
  return context;
}

CgPageLayout *
cg_page_layout_new (PangoContext        *context,
                    double               page_width,
                    double               page_height,
                    const CgPageMargins *margins)
{
  CgPageLayout *self;

  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  self = g_object_new (CG_TYPE_PAGE_LAYOUT, NULL);
  self->context = context != NULL ? g_object_ref (context) : make_print_context ();
  self->page_width = page_width;
  self->page_height = page_height;
  if (margins != NULL)
    self->margins = *margins;
  else
    cg_page_margins_init_default (&self->margins);
  /* Margins that leave no room are a caller's mistake; keep a usable page. */
  if (cg_page_layout_get_content_width (self) < 72.0 ||
      cg_page_layout_get_content_height (self) < 144.0)
    {
      g_warning ("Margins leave no room on a %.0f x %.0f page", page_width, page_height);
      self->margins.left = self->margins.right = page_width / 10.0;
      self->margins.top = self->margins.bottom = page_height / 10.0;
    }
  return self;
}

double
cg_page_layout_get_page_width (CgPageLayout *self)
{
  g_return_val_if_fail (CG_IS_PAGE_LAYOUT (self), 0.0);
  return self->page_width;
}

double
cg_page_layout_get_page_height (CgPageLayout *self)
{
  g_return_val_if_fail (CG_IS_PAGE_LAYOUT (self), 0.0);
  return self->page_height;
}

double
cg_page_layout_get_content_width (CgPageLayout *self)
{
  g_return_val_if_fail (CG_IS_PAGE_LAYOUT (self), 0.0);
  return self->page_width - self->margins.left - self->margins.right;
}

double
cg_page_layout_get_content_height (CgPageLayout *self)
{
  g_return_val_if_fail (CG_IS_PAGE_LAYOUT (self), 0.0);
  return self->page_height - self->margins.top - self->margins.bottom;
}

void
cg_page_layout_set_running_header (CgPageLayout *self,
                                   const char   *text)
{
  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_free (self->running_header);
  self->running_header = g_strdup (text);
}

/* Text --------------------------------------------------------------------- */

/* How far a layout is drawn in from the left of its box; see fit_ink (). */
static GQuark
inset_quark (void)
{
  return g_quark_from_static_string ("cg-page-layout-inset");
}

static double
layout_inset (PangoLayout *layout)
{
  double *inset = g_object_get_qdata (G_OBJECT (layout), inset_quark ());

  return inset != NULL ? *inset : 0.0;
}

/* Nothing here assumes a font's metrics: the fonts asked for (Noto) may be
 * missing and fontconfig then gives DejaVu or whatever the machine has,
 * wider and with other side bearings. A glyph's ink can reach past its
 * advance: a serif "j" or "f" at the start of a line hangs a point or two
 * left of the line's origin, an italic or a wide accent past its end. So
 * after wrapping, the ink Pango measures is compared with the box; a layout
 * whose ink overhangs it is wrapped again narrower and drawn inset by the
 * overhang, so the ink, not only the advance widths, stays inside. */
static void
fit_ink (PangoLayout *layout,
         double       width)
{
  double inset = 0.0, wrap = width;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  g_object_set_qdata (G_OBJECT (layout), inset_quark (), NULL);
  for (guint pass = 0; pass < 3; pass++)
    {
      PangoRectangle drawn;
      double left, right;

      pango_layout_get_extents (layout, &drawn, NULL);
      if (drawn.width <= 0)
        break;
      left = inset + (double) drawn.x / PANGO_SCALE;
      right = inset + (double) (drawn.x + drawn.width) / PANGO_SCALE;
      if (left >= -0.01 && right <= width + 0.01)
        break;
      /* Move in by what hangs out on the left; narrow by what hangs out
       * on either side, and wrap again. */
      inset += MAX (0.0, -left);
      wrap -= MAX (0.0, -left) + MAX (0.0, right - width);
      if (wrap < width / 2)
        break; /* not text any longer: leave the rest to word breaking */
      pango_layout_set_width (layout, (int) (wrap * PANGO_SCALE));
    }
  if (inset > 0.0)
    g_object_set_qdata_full (G_OBJECT (layout), inset_quark (), g_memdup2 (&inset, sizeof inset),
                             g_free);
}

/* A layout in @font (a Pango font description string) scaled by @scale,
 * wrapped to @width points. */
static PangoLayout *
make_layout_scaled (CgPageLayout *self,
                    const char   *font,
                    double        scale,
                    const char   *text,
                    double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  if (scale != 1.0)
    pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * scale));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  /* Words wrap; a word longer than the line (a URL, a name in a script
   * without spaces) breaks inside rather than running off the page. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  width = MAX (width, 1.0);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  fit_ink (layout, width);
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

static PangoLayout *
make_layout (CgPageLayout *self,
             const char   *font,
             const char   *text,
             double        width)
{
  return make_layout_scaled (self, font, 1.0, text, width);
}

/* Reads the lines of @layout once; the array is owned by the document. */
static GArray *
layout_lines (CgPageLayout *self,
              PangoLayout  *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      LineInfo info;
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      info.line = pango_layout_iter_get_line_readonly (iter);
      info.x = layout_inset (layout) + (double) logical.x / PANGO_SCALE;
      info.top = (double) y0 / PANGO_SCALE;
      info.bottom = (double) y1 / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_ptr_array_add (self->line_arrays, lines);
  return lines;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->red, rgb->green, rgb->blue);
}

static void
show_line (cairo_t        *cr,
           const LineInfo *info,
           double          x,
           double          y_top)
{
  cairo_move_to (cr, x + info->x, y_top + (info->baseline - info->top));
  pango_cairo_show_layout_line (cr, info->line);
}

static void
draw_line_band (CgPageLayout *self,
                const Unit   *unit,
                cairo_t      *cr,
                double        x,
                double        y)
{
  const LineBand *band = unit->data;

  set_rgb (cr, band->colour);
  /* The marker first: text copied from the PDF reads "• item", not the
   * marker between an item's first and second lines. */
  if (band->bullet_info != NULL)
    {
      gboolean rtl =
        pango_layout_line_get_resolved_direction (band->info->line) == PANGO_DIRECTION_RTL;
      double bx = rtl ? cg_page_layout_get_content_width (self) - BULLET_INDENT + 4.0 : 2.0;

      show_line (cr, band->bullet_info, x + bx - band->bullet_info->x, y);
    }
  show_line (cr, band->info, x + band->x, y);
}

static Unit *
push_unit (CgPageLayout  *self,
           double         height,
           double         space_before,
           UnitDraw       draw,
           gpointer       data,
           GDestroyNotify free_data)
{
  Unit *unit = g_new0 (Unit, 1);

  g_return_val_if_fail (self->pages == NULL, unit);
  unit->height = height;
  unit->space_before = space_before;
  unit->draw = draw;
  unit->data = data;
  unit->free_data = free_data;
  unit->keep_with_prev = self->keep_next;
  self->keep_next = FALSE;
  g_ptr_array_add (self->units, unit);
  return unit;
}

/* Adds @layout line by line, keeping the first two and the last two lines
 * together so no line is left alone at a page's top or bottom. */
static void
push_lines (CgPageLayout   *self,
            PangoLayout    *layout,
            double          x,
            double          space_before,
            const Rgb      *colour,
            const LineInfo *bullet)
{
  GArray *lines = layout_lines (self, layout);

  for (guint i = 0; i < lines->len; i++)
    {
      LineBand *band = g_new0 (LineBand, 1);
      const LineInfo *info = &g_array_index (lines, LineInfo, i);
      Unit *unit;

      band->x = x;
      band->info = info;
      band->colour = colour;
      band->bullet_info = i == 0 ? bullet : NULL;
      unit = push_unit (self, info->bottom - info->top, i == 0 ? space_before : 0.0, draw_line_band,
                        band, g_free);
      if (i == 1 || (i >= 2 && i == lines->len - 1))
        unit->keep_with_prev = TRUE;
    }
}

void
cg_page_layout_add_title (CgPageLayout *self,
                          const char   *text)
{
  double width;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  width = cg_page_layout_get_content_width (self);
  push_lines (self, make_layout (self, FONT_SERIF " Bold 24", text, width), 0.0, 0.0, &ink, NULL);
  self->keep_next = TRUE;
}

void
cg_page_layout_add_heading (CgPageLayout *self,
                            const char   *text)
{
  double width;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  width = cg_page_layout_get_content_width (self);
  push_lines (self, make_layout (self, FONT_SANS " Bold 13.5", text, width), 0.0, 20.0, &accent,
              NULL);
  self->keep_next = TRUE;
}

void
cg_page_layout_add_subheading (CgPageLayout *self,
                               const char   *text)
{
  double width;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  width = cg_page_layout_get_content_width (self);
  push_lines (self, make_layout (self, FONT_SANS " Bold 10.5", text, width), 0.0, 10.0, &ink, NULL);
  self->keep_next = TRUE;
}

void
cg_page_layout_add_paragraph (CgPageLayout *self,
                              CgTextStyle   style,
                              const char   *text)
{
  double width;
  PangoLayout *layout;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  width = cg_page_layout_get_content_width (self);
  switch (style)
    {
    case CG_TEXT_SUBTITLE:
      layout = make_layout (self, FONT_SANS " 11", text, width);
      push_lines (self, layout, 0.0, 4.0, &muted, NULL);
      break;
    case CG_TEXT_NOTE:
      layout = make_layout (self, FONT_SANS " 8.5", text, width);
      push_lines (self, layout, 0.0, 4.0, &muted, NULL);
      break;
    case CG_TEXT_LIST_ITEM: cg_page_layout_add_list_item (self, "•", text); break;
    case CG_TEXT_KICKER:
      layout = make_layout (self, FONT_SANS " Bold 9", text, width);
      push_lines (self, layout, 0.0, 0.0, &accent, NULL);
      self->keep_next = TRUE;
      break;
    case CG_TEXT_BODY:
    default:
      layout = make_layout (self, FONT_SERIF " 10.5", text, width);
      pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
      push_lines (self, layout, 0.0, 7.0, &ink, NULL);
      break;
    }
}

void
cg_page_layout_add_list_item (CgPageLayout *self,
                              const char   *marker,
                              const char   *text)
{
  double width;
  PangoLayout *layout;
  GArray *marker_lines;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (marker != NULL);
  width = cg_page_layout_get_content_width (self);
  marker_lines = layout_lines (self, make_layout (self, FONT_SERIF " 10.5", marker, BULLET_INDENT));
  layout = make_layout (self, FONT_SERIF " 10.5", text, width - BULLET_INDENT);
  pango_layout_set_spacing (layout, 1 * PANGO_SCALE);
  /* A right-to-left item hangs its marker on the right. */
  push_lines (self, layout,
              pango_layout_get_direction (layout, 0) == PANGO_DIRECTION_RTL ? 0.0 : BULLET_INDENT,
              5.0, &ink, &g_array_index (marker_lines, LineInfo, 0));
}

void
cg_page_layout_add_labelled (CgPageLayout *self,
                             const char   *label,
                             const char   *text)
{
  g_autofree char *joined = NULL;
  PangoAttrList *attrs;
  PangoAttribute *bold;
  PangoLayout *layout;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (label != NULL);
  joined = g_strconcat (label, "  ", text, NULL);
  layout = make_layout (self, FONT_SERIF " 10.5", joined, cg_page_layout_get_content_width (self));
  attrs = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = strlen (label);
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  /* The bold label is wider: measure again. */
  fit_ink (layout, cg_page_layout_get_content_width (self));
  pango_layout_set_spacing (layout, 1 * PANGO_SCALE);
  push_lines (self, layout, 0.0, 6.0, &ink, NULL);
}

void
cg_page_layout_add_text (CgPageLayout *self,
                         const char   *text,
                         gboolean      bullets)
{
  g_auto (GStrv) paragraphs = NULL;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *clean = g_strdup (g_strstrip (paragraphs[i]));
      const char *body = clean;

      if (*body == '\0')
        continue;
      /* Facilitators type their own bullets; do not print two. */
      if (bullets && (g_str_has_prefix (body, "- ") || g_str_has_prefix (body, "* ")))
        body += 2;
      else if (bullets && g_str_has_prefix (body, "•"))
        body += strlen ("•");
      while (bullets && *body == ' ')
        body++;
      cg_page_layout_add_paragraph (self, bullets ? CG_TEXT_LIST_ITEM : CG_TEXT_BODY, body);
    }
}

/* Tables ------------------------------------------------------------------- */

static void
row_band_free (gpointer p)
{
  RowBand *band = p;

  g_free (band->first);
  g_free (band->count);
  g_free (band);
}

static double
cell_lines_height (const Cell *cell,
                   guint       first,
                   guint       count)
{
  const LineInfo *a, *b;

  if (count == 0)
    return 0.0;
  a = &g_array_index (cell->lines, LineInfo, first);
  b = &g_array_index (cell->lines, LineInfo, first + count - 1);
  return b->bottom - a->top;
}

static void
draw_row_band (CgPageLayout *self,
               const Unit   *unit,
               cairo_t      *cr,
               double        x,
               double        y)
{
  const RowBand *band = unit->data;
  double cx = x;

  if (band->is_header)
    {
      set_rgb (cr, &header_fill);
      cairo_rectangle (cr, x, y, cg_page_layout_get_content_width (self), unit->height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < band->table->n_columns; c++)
    {
      const Cell *cell = &band->cells[c];
      double top =
        band->count[c] > 0 ? g_array_index (cell->lines, LineInfo, band->first[c]).top : 0.0;

      set_rgb (cr, &ink);
      for (guint i = band->first[c]; i < band->first[c] + band->count[c]; i++)
        {
          const LineInfo *info = &g_array_index (cell->lines, LineInfo, i);

          show_line (cr, info, cx + CELL_PAD_X, y + band->pad_top + (info->top - top));
        }
      cx += band->table->widths[c];
    }
  if (!band->last)
    return;
  set_rgb (cr, &rule);
  cairo_set_line_width (cr, band->is_header ? 0.8 : 0.5);
  cairo_move_to (cr, x, y + unit->height);
  cairo_rel_line_to (cr, cg_page_layout_get_content_width (self), 0.0);
  cairo_stroke (cr);
}

static Cell *
make_cells (CgPageLayout      *self,
            const Table       *table,
            const char *const *texts,
            gboolean           header)
{
  Cell *cells = g_new0 (Cell, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *font = header ? FONT_HEADER_CELL : FONT_CELL;

      cells[c].layout =
        make_layout_scaled (self, font, table->scale, texts[c], table->widths[c] - 2 * CELL_PAD_X);
      cells[c].lines = layout_lines (self, cells[c].layout);
    }
  /* Cells are shared by every band of the row; the document frees them. */
  g_ptr_array_add (self->blobs, cells);
  return cells;
}

/* The next band of a row: for each cell, the lines from @next[c] that fit
 * in @limit points. Returns the band's text height. */
static double
cut_band (const Table *table,
          const Cell  *cells,
          const guint *next,
          double       limit,
          guint       *count)
{
  double height = 0.0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      guint n = 0;
      guint total = cells[c].lines->len;

      while (next[c] + n < total && cell_lines_height (&cells[c], next[c], n + 1) <= limit)
        n++;
      /* A single line taller than the limit still has to go somewhere. */
      if (n == 0 && next[c] < total && limit >= G_MAXDOUBLE / 2)
        n = 1;
      count[c] = n;
      height = MAX (height, cell_lines_height (&cells[c], next[c], n));
    }
  return height;
}

static double
row_height (const Table *table,
            const Cell  *cells)
{
  double height = 0.0;

  for (guint c = 0; c < table->n_columns; c++)
    height = MAX (height, cell_lines_height (&cells[c], 0, cells[c].lines->len));
  return height + 2 * CELL_PAD_Y;
}

/* Cuts the next band of a row; TRUE when it is the row's last. */
static gboolean
next_band (const Table *table,
           const Cell  *cells,
           guint       *next,
           double       limit,
           RowBand     *band,
           double      *height)
{
  gboolean done = TRUE;

  band->first = g_memdup2 (next, table->n_columns * sizeof (guint));
  band->count = g_new0 (guint, table->n_columns);
  *height = cut_band (table, cells, next, limit, band->count);
  if (*height <= 0.0)
    *height = cut_band (table, cells, next, G_MAXDOUBLE, band->count);
  for (guint c = 0; c < table->n_columns; c++)
    {
      next[c] += band->count[c];
      done = done && next[c] >= cells[c].lines->len;
    }
  return done;
}

/* A row of ordinary height is one band and never splits. A tall one (a
 * 2,000-character cell in a narrow column) is cut between lines into
 * bands of a few lines, so it flows on from wherever the page has room
 * instead of leaving half a page blank. */
static Unit *
push_row (CgPageLayout      *self,
          Table             *table,
          const char *const *texts,
          gboolean           header)
{
  Cell *cells = make_cells (self, table, texts, header);
  g_autofree guint *next = g_new0 (guint, table->n_columns);
  double limit = G_MAXDOUBLE / 4;
  Unit *first = NULL;
  gboolean done = FALSE;

  if (row_height (table, cells) > cg_page_layout_get_content_height (self) / 4.0)
    limit = 64.0;
  while (!done)
    {
      RowBand *band = g_new0 (RowBand, 1);
      double height, pad_top = first == NULL ? CELL_PAD_Y : 0.0;
      Unit *unit;

      band->table = table;
      band->is_header = header;
      band->cells = cells;
      band->pad_top = pad_top;
      done = next_band (table, cells, next, limit, band, &height);
      band->last = done;
      unit = push_unit (self, pad_top + height + (done ? CELL_PAD_Y : 0.0), 0.0, draw_row_band,
                        band, row_band_free);
      unit->table_header = header ? NULL : table->header;
      if (first == NULL)
        first = unit;
    }
  return first;
}

/* Column widths --------------------------------------------------------------
 *
 * A table is measured before it is laid out, with the fonts this machine
 * really has. Each column asks for at least its widest word (a header such
 * as "Consensus", a number such as "3.25"), so a word is never broken
 * across lines while another column has room to spare; what is left is
 * shared in proportion to the caller's weights. When the widest words
 * together do not fit the page (a wide fallback font, many columns), the
 * table's type is shrunk until they do, down to MIN_TABLE_SCALE; beyond that
 * words break inside, which still keeps every glyph inside its cell. */

#define MIN_TABLE_SCALE 0.75
/* A word wider than this share of the table (a URL, a name in a script
 * without spaces) does not get a column of its own: it breaks inside. */
#define MAX_WORD_SHARE 0.5

/* The widest unbreakable run of @text in @font at @scale, in points. */
static double
widest_word (CgPageLayout *self,
             const char   *font,
             double        scale,
             const char   *text)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  PangoRectangle drawn, logical;

  pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * scale));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  /* Word wrapping at the narrowest width puts one word on each line and
   * never breaks inside one: the layout is then as wide as its widest word. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, &drawn, &logical);
  return (double) MAX (logical.width, drawn.x + drawn.width) / PANGO_SCALE;
}

/* Per column, the widest word of the header and every row, at scale 1. */
static double *
measure_words (CgPageLayout *self,
               const Table  *table)
{
  double *words = g_new0 (double, table->n_columns);

  for (guint r = 0; r < table->texts->len; r++)
    {
      const char *const *texts = g_ptr_array_index (table->texts, r);
      const char *font = r == 0 ? FONT_HEADER_CELL : FONT_CELL;

      for (guint c = 0; c < table->n_columns; c++)
        words[c] = MAX (words[c], widest_word (self, font, 1.0, texts[c]));
    }
  return words;
}

/* Shares @total among the columns by weight, giving none less than its
 * minimum: columns that would get less are fixed at their minimum and the
 * rest share what remains, until every column has at least its own. */
static void
share_widths (guint         n,
              const double *weights,
              const double *minimum,
              double        total,
              double       *widths)
{
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  gboolean changed = TRUE;

  while (changed)
    {
      double left = total, weight = 0.0;

      changed = FALSE;
      for (guint c = 0; c < n; c++)
        if (fixed[c])
          left -= minimum[c];
        else
          weight += weights[c];
      for (guint c = 0; c < n; c++)
        {
          if (fixed[c])
            {
              widths[c] = minimum[c];
              continue;
            }
          widths[c] = weight > 0.0 ? left * weights[c] / weight : 0.0;
          if (widths[c] < minimum[c])
            fixed[c] = changed = TRUE;
        }
    }
}

static void
fit_columns (CgPageLayout *self,
             Table        *table)
{
  double total = cg_page_layout_get_content_width (self);
  double pad = 2 * CELL_PAD_X + 1.0; /* a point for ink past the advance */
  double cap = total * MAX_WORD_SHARE;
  g_autofree double *words = measure_words (self, table);
  g_autofree double *minimum = g_new0 (double, table->n_columns);
  double words_sum = 0.0, sum = 0.0;

  for (guint c = 0; c < table->n_columns; c++)
    words_sum += MIN (words[c], cap - pad);
  /* Type scales linearly: shrink it by what the words overrun. */
  table->scale = 1.0;
  if (words_sum + table->n_columns * pad > total && words_sum > 0.0)
    table->scale = MAX (MIN_TABLE_SCALE, (total - table->n_columns * pad) / words_sum);
  for (guint c = 0; c < table->n_columns; c++)
    {
      minimum[c] = MIN (words[c] * table->scale + pad, cap);
      sum += minimum[c];
    }
  /* Still too wide at the smallest type: every column gives up the same
   * share of its minimum and words break inside. */
  if (sum > total)
    for (guint c = 0; c < table->n_columns; c++)
      minimum[c] *= total / sum;
  share_widths (table->n_columns, table->weights, minimum, total, table->widths);
}

static char **
copy_row (guint              n,
          const char *const *cells)
{
  char **copy = g_new0 (char *, n + 1);

  for (guint c = 0; c < n; c++)
    copy[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  return copy;
}

void
cg_page_layout_begin_table (CgPageLayout      *self,
                            guint              n_columns,
                            const double      *weights,
                            const char *const *headers)
{
  Table *table;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (n_columns > 0 && weights != NULL && headers != NULL);
  g_return_if_fail (self->open_table == NULL);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->weights = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    table->weights[c] = MAX (weights[c], 0.01);
  table->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (table->texts, copy_row (n_columns, headers));
  /* Rows are only kept here: the table is measured and laid out whole
   * when it ends. A heading before it still keeps with it. */
  table->keep_with_prev = self->keep_next;
  self->keep_next = FALSE;
  g_ptr_array_add (self->tables, table);
  self->open_table = table;
}

void
cg_page_layout_add_row (CgPageLayout      *self,
                        const char *const *cells)
{
  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table != NULL && cells != NULL);
  g_ptr_array_add (self->open_table->texts, copy_row (self->open_table->n_columns, cells));
}

void
cg_page_layout_end_table (CgPageLayout *self)
{
  Table *table;
  Unit *header;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table != NULL);
  table = self->open_table;
  self->open_table = NULL;

  fit_columns (self, table);
  self->keep_next = table->keep_with_prev;
  header = push_row (self, table, g_ptr_array_index (table->texts, 0), TRUE);
  header->space_before = 8.0;
  table->header = header;
  for (guint r = 1; r < table->texts->len; r++)
    {
      /* The header never ends a page: it stays with the first row. */
      self->keep_next = r == 1;
      push_row (self, table, g_ptr_array_index (table->texts, r), FALSE);
    }
  self->keep_next = FALSE;
  g_clear_pointer (&table->texts, g_ptr_array_unref);
}

/* Signatures --------------------------------------------------------------- */

typedef struct
{
  const LineInfo *name; /* NULL for a block whose name is printed above it */
  guint n_name;
  const LineInfo *org;
  guint n_org;
} SigBlock;

typedef struct
{
  guint n_blocks;
  SigBlock blocks[2];
  double column_width;
  const LineInfo *label_signature;
  const LineInfo *label_date;
} SigRow;

#define SIG_SPACE_ABOVE_LINE 34.0
#define SIG_LABEL 13.0
#define SIG_SPACE_ABOVE_DATE 22.0

static double
lines_height (const LineInfo *lines,
              guint           n)
{
  return n > 0 ? lines[n - 1].bottom - lines[0].top : 0.0;
}

static double
sig_block_text_height (const SigBlock *block)
{
  return lines_height (block->name, block->n_name) + 2.0 + lines_height (block->org, block->n_org);
}

static double
sig_lines_height (void)
{
  return SIG_SPACE_ABOVE_LINE + SIG_LABEL + SIG_SPACE_ABOVE_DATE + SIG_LABEL;
}

static void
draw_text_lines (cairo_t        *cr,
                 const LineInfo *lines,
                 guint           n,
                 double          x,
                 double          y)
{
  for (guint i = 0; i < n; i++)
    show_line (cr, &lines[i], x, y + lines[i].top - lines[0].top);
}

/* The tallest name and organisation in the row: every block's lines hang
 * from it, so the two signature lines of a row are level even when one
 * organisation wraps. */
static double
sig_row_text_height (const SigRow *row)
{
  double h = 0.0;

  for (guint b = 0; b < row->n_blocks; b++)
    h = MAX (h, sig_block_text_height (&row->blocks[b]));
  return h;
}

static void
draw_sig_block (const SigRow   *row,
                const SigBlock *block,
                cairo_t        *cr,
                double          x,
                double          y)
{
  double w = row->column_width;
  double line_y;

  set_rgb (cr, &ink);
  draw_text_lines (cr, block->name, block->n_name, x, y);
  set_rgb (cr, &muted);
  draw_text_lines (cr, block->org, block->n_org, x,
                   y + lines_height (block->name, block->n_name) + 2.0);

  line_y = y + sig_row_text_height (row) + SIG_SPACE_ABOVE_LINE;
  set_rgb (cr, &ink);
  cairo_set_line_width (cr, 0.7);
  cairo_move_to (cr, x, line_y);
  cairo_rel_line_to (cr, w, 0.0);
  cairo_move_to (cr, x, line_y + SIG_LABEL + SIG_SPACE_ABOVE_DATE);
  cairo_rel_line_to (cr, MIN (w, 160.0), 0.0);
  cairo_stroke (cr);
  set_rgb (cr, &muted);
  show_line (cr, row->label_signature, x - row->label_signature->x, line_y + 2.0);
  show_line (cr, row->label_date, x - row->label_date->x,
             line_y + SIG_LABEL + SIG_SPACE_ABOVE_DATE + 2.0);
}

static void
draw_sig_row (CgPageLayout *self,
              const Unit   *unit,
              cairo_t      *cr,
              double        x,
              double        y)
{
  const SigRow *row = unit->data;

  for (guint b = 0; b < row->n_blocks; b++)
    draw_sig_block (row, &row->blocks[b], cr, x + b * (row->column_width + 2 * SIGNATURE_GAP), y);
}

static void
make_sig_block (CgPageLayout *self,
                const char   *name,
                const char   *org,
                double        width,
                SigBlock     *block)
{
  GArray *lines;

  lines = layout_lines (self, make_layout (self, FONT_SANS " Bold 11", name, width));
  block->name = &g_array_index (lines, LineInfo, 0);
  block->n_name = lines->len;
  lines = layout_lines (self, make_layout (self, FONT_SANS " 9.5", org, width));
  block->org = &g_array_index (lines, LineInfo, 0);
  block->n_org = org != NULL && *org != '\0' ? lines->len : 0;
}

static SigRow *
new_sig_row (CgPageLayout *self,
             double        column_width)
{
  SigRow *row = g_new0 (SigRow, 1);
  GArray *lines;

  row->column_width = column_width;
  lines = layout_lines (self, make_layout (self, FONT_SANS " 8", _("Signature"), column_width));
  row->label_signature = &g_array_index (lines, LineInfo, 0);
  lines = layout_lines (self, make_layout (self, FONT_SANS " 8", _("Date"), column_width));
  row->label_date = &g_array_index (lines, LineInfo, 0);
  return row;
}

static double
sig_row_height (const SigRow *row)
{
  return sig_row_text_height (row) + sig_lines_height ();
}

/* One partner across the full width. A block taller than a page (a name
 * thousands of characters long) flows its name as text and keeps only the
 * signature lines with the name's last line. */
static void
push_sig_single (CgPageLayout *self,
                 const char   *name,
                 const char   *org)
{
  double width = cg_page_layout_get_content_width (self);
  SigRow *row = new_sig_row (self, width);

  row->n_blocks = 1;
  make_sig_block (self, name, org, width, &row->blocks[0]);
  if (sig_row_height (row) > cg_page_layout_get_content_height (self) - 24.0)
    {
      push_lines (self, make_layout (self, FONT_SANS " Bold 11", name, width), 0.0, 18.0, &ink,
                  NULL);
      if (org != NULL && *org != '\0')
        push_lines (self, make_layout (self, FONT_SANS " 9.5", org, width), 0.0, 2.0, &muted, NULL);
      row->blocks[0].n_name = row->blocks[0].n_org = 0;
      self->keep_next = TRUE;
      push_unit (self, sig_row_height (row), 0.0, draw_sig_row, row, g_free);
      return;
    }
  push_unit (self, sig_row_height (row), 18.0, draw_sig_row, row, g_free);
}

void
cg_page_layout_add_signatures (CgPageLayout      *self,
                               guint              n,
                               const char *const *names,
                               const char *const *organisations)
{
  double column;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (n == 0 || (names != NULL && organisations != NULL));

  column = (cg_page_layout_get_content_width (self) - 2 * SIGNATURE_GAP) / 2.0;
  for (guint i = 0; i < n; i += 2)
    {
      SigRow *row = new_sig_row (self, column);

      row->n_blocks = MIN (2, n - i);
      for (guint b = 0; b < row->n_blocks; b++)
        make_sig_block (self, names[i + b], organisations[i + b], column, &row->blocks[b]);
      /* Two long names side by side would eat a page: give each its own row. */
      if (sig_row_height (row) > cg_page_layout_get_content_height (self) / 3.0)
        {
          g_free (row);
          for (guint b = 0; b < MIN (2, n - i); b++)
            push_sig_single (self, names[i + b], organisations[i + b]);
          continue;
        }
      push_unit (self, sig_row_height (row), 18.0, draw_sig_row, row, g_free);
    }
}

/* Drawings and breaks ------------------------------------------------------ */

typedef struct
{
  CgPageDrawFunc draw;
  gpointer user_data;
  GDestroyNotify destroy;
  double scale; /* < 1 when the figure was shrunk to fit a page */
} Drawing;

static void
drawing_free (gpointer p)
{
  Drawing *drawing = p;

  if (drawing->destroy != NULL)
    drawing->destroy (drawing->user_data);
  g_free (drawing);
}

static void
draw_drawing (CgPageLayout *self,
              const Unit   *unit,
              cairo_t      *cr,
              double        x,
              double        y)
{
  const Drawing *drawing = unit->data;
  double width = cg_page_layout_get_content_width (self);

  cairo_save (cr);
  /* A shrunk figure keeps its proportions and sits in the middle. */
  cairo_translate (cr, x + width * (1.0 - drawing->scale) / 2.0, y);
  cairo_rectangle (cr, 0, 0, width * drawing->scale, unit->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_scale (cr, drawing->scale, drawing->scale);
  drawing->draw (cr, width, unit->height / drawing->scale, drawing->user_data);
  cairo_restore (cr);
}

void
cg_page_layout_add_drawing (CgPageLayout  *self,
                            double         height,
                            CgPageDrawFunc draw,
                            gpointer       user_data,
                            GDestroyNotify destroy)
{
  Drawing *drawing;
  double room;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (draw != NULL);

  drawing = g_new0 (Drawing, 1);
  drawing->draw = draw;
  drawing->user_data = user_data;
  drawing->destroy = destroy;
  drawing->scale = 1.0;
  /* A figure taller than a page is drawn smaller, whole, never cut. */
  room = cg_page_layout_get_content_height (self) - 48.0;
  height = MAX (height, 1.0);
  if (height > room)
    {
      drawing->scale = room / height;
      height = room;
    }
  push_unit (self, height, 10.0, draw_drawing, drawing, drawing_free);
}

void
cg_page_layout_keep_with_next (CgPageLayout *self)
{
  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  self->keep_next = TRUE;
}

void
cg_page_layout_add_page_break (CgPageLayout *self)
{
  Unit *unit;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  unit = push_unit (self, 0.0, 0.0, NULL, NULL, NULL);
  unit->page_break = TRUE;
  unit->keep_with_prev = FALSE;
}

/* Pagination --------------------------------------------------------------- */

typedef struct
{
  CgPageLayout *self;
  GArray *page; /* Placed */
  double y, bottom;
} Flow;

static void
flow_place (Flow       *flow,
            const Unit *unit)
{
  Placed placed;

  if (flow->page->len > 0)
    flow->y += unit->space_before;
  placed.y = flow->y;
  placed.unit = unit;
  g_array_append_val (flow->page, placed);
  flow->y += unit->height;
}

/* A new page; a table row that starts it brings its table's header. */
static void
flow_new_page (Flow       *flow,
               const Unit *next)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->self->margins.top;
  if (next != NULL && next->table_header != NULL)
    flow_place (flow, next->table_header);
}

static gboolean
flow_fits (const Flow *flow,
           guint       from,
           guint       to)
{
  double y = flow->y;

  for (guint k = from; k < to; k++)
    {
      const Unit *unit = g_ptr_array_index (flow->self->units, k);

      y += (k > from || flow->page->len > 0 ? unit->space_before : 0.0) + unit->height;
    }
  /* A hair of slack for rounding in the line heights. */
  return y <= flow->bottom + 0.01;
}

static guint
group_end (CgPageLayout *self,
           guint         from)
{
  guint to = from + 1;

  while (to < self->units->len)
    {
      const Unit *unit = g_ptr_array_index (self->units, to);

      if (!unit->keep_with_prev || unit->page_break)
        break;
      to++;
    }
  return to;
}

/* Groups of units that must stay together go to the next page when they
 * do not fit; a group taller than a whole page is placed unit by unit. */
static void
flow_group (Flow *flow,
            guint from,
            guint to)
{
  if (!flow_fits (flow, from, to) && flow->page->len > 0)
    flow_new_page (flow, g_ptr_array_index (flow->self->units, from));
  if (flow_fits (flow, from, to))
    {
      for (guint k = from; k < to; k++)
        flow_place (flow, g_ptr_array_index (flow->self->units, k));
      return;
    }
  for (guint k = from; k < to; k++)
    {
      const Unit *unit = g_ptr_array_index (flow->self->units, k);

      if (!flow_fits (flow, k, k + 1) && flow->page->len > 0)
        flow_new_page (flow, unit);
      flow_place (flow, unit);
    }
}

static void
paginate (CgPageLayout *self)
{
  Flow flow = { self, NULL, 0.0, self->page_height - self->margins.bottom };
  guint i = 0;

  if (self->pages != NULL)
    return;
  /* A table its caller forgot to end is still printed. */
  if (self->open_table != NULL)
    cg_page_layout_end_table (self);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow_new_page (&flow, NULL);
  while (i < self->units->len)
    {
      const Unit *unit = g_ptr_array_index (self->units, i);
      guint to;

      if (unit->page_break)
        {
          if (flow.page->len > 0)
            flow_new_page (&flow, NULL);
          i++;
          continue;
        }
      to = group_end (self, i);
      flow_group (&flow, i, to);
      i = to;
    }
  /* A break at the very end leaves an empty page: drop it. */
  if (self->pages->len > 1 && flow.page->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

guint
cg_page_layout_get_n_pages (CgPageLayout *self)
{
  g_return_val_if_fail (CG_IS_PAGE_LAYOUT (self), 0);
  paginate (self);
  return self->pages->len;
}

/* Painting ----------------------------------------------------------------- */

static void
render_furniture (CgPageLayout *self,
                  cairo_t      *cr,
                  guint         page)
{
  double width = cg_page_layout_get_content_width (self);
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr (PangoLayout) footer = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (FONT_SANS " 8.5");

  pango_layout_set_font_description (footer, desc);
  set_rgb (cr, &muted);
  if (page > 0 && self->running_header != NULL && *self->running_header != '\0')
    {
      g_autoptr (PangoLayout) header = pango_layout_copy (footer);

      /* One line, whatever the title's length: it is a reminder, not text to read. */
      pango_layout_set_text (header, self->running_header, -1);
      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
      pango_layout_set_auto_dir (header, TRUE);
      fit_ink (header, width);
      cairo_move_to (cr, self->margins.left + layout_inset (header), self->margins.top - 34.0);
      pango_cairo_show_layout (cr, header);
      set_rgb (cr, &rule);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, self->margins.left, self->margins.top - 18.0);
      cairo_rel_line_to (cr, width, 0.0);
      cairo_stroke (cr);
      set_rgb (cr, &muted);
    }
  pango_layout_set_text (footer, number, -1);
  pango_layout_set_width (footer, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, self->margins.left, self->page_height - self->margins.bottom + 26.0);
  pango_cairo_show_layout (cr, footer);
  pango_font_description_free (desc);
}

void
cg_page_layout_render_page (CgPageLayout *self,
                            cairo_t      *cr,
                            guint         page)
{
  GArray *placed;

  g_return_if_fail (CG_IS_PAGE_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  paginate (self);
  g_return_if_fail (page < self->pages->len);

  placed = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);

      p->unit->draw (self, p->unit, cr, self->margins.left, p->y);
    }
  render_furniture (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
cg_page_layout_write_pdf (CgPageLayout *self,
                          const char   *path,
                          GError      **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (CG_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Built in memory and written in one go, so a failed export never
   * leaves half a PDF where the user expects a whole one. */
  surface =
    cairo_pdf_surface_create_for_stream (append_bytes, bytes, self->page_width, self->page_height);
  if (self->running_header != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->running_header);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Common Ground");
  for (guint page = 0; page < cg_page_layout_get_n_pages (self); page++)
    {
      cairo_t *cr = cairo_create (surface);

      cg_page_layout_render_page (self, cr, page);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
