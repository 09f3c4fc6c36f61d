/** A classic script of the site, added on demand (file:// allows these, not modules or fetch). */
export function loadScript(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = name;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`无法加载 ${name}`));
    document.head.appendChild(script);
  });
}
