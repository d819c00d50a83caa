console.log('The offline demo is not built yet.');
