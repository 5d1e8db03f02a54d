/** Where each collection lives under content/, shared by the loaders, the check and the editors' guide. */
export const CONTENT_DIR = 'content';

export const STORY_COLLECTIONS = {
  exemplars: `${CONTENT_DIR}/exemplars`,
  campaigns: `${CONTENT_DIR}/campaigns`,
} as const;

export const DATA_FILES = {
  places: `${CONTENT_DIR}/places`,
  awards: `${CONTENT_DIR}/awards.yaml`,
  settings: `${CONTENT_DIR}/settings.yaml`,
} as const;

export const STORY_FILE = /\.mdx$/i;
export const YAML_FILE = /\.ya?ml$/i;
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'] as const;
